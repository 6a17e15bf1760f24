package dev.diaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.core.Json;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.report.chart.TagChart;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.JournalReader;
import dev.diaharness.run.MetricsFile;
import dev.diaharness.run.RunDirectory;
import dev.diaharness.run.Split;
import dev.diaharness.run.SplitAggregator;
import dev.diaharness.run.SplitMetrics;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorded optimize run (3 iterations, train and test) with tags and complexity given to its questions: its
 * metrics are re-aggregated from its own eval rows by the real {@link SplitAggregator}, then reported.
 */
class TaggedRunReportTest {
  @TempDir Path temp;

  /**
   * Training questions alternate "lookup"/"join", all "seen_shape"; test questions te1, te2 are "lookup" and
   * "seen_shape", te3, te4 "new_shape" only.
   */
  private static List<GoldenCase> cases(List<ItemResult> rows, Split split) {
    List<String> ids = rows.stream().map(r -> r.key().questionId()).distinct().sorted().toList();
    List<GoldenCase> cases = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      List<String> tags = split == Split.TEST ? (i < 2 ? List.of("lookup", "seen_shape") : List.of("new_shape"))
          : List.of(i % 2 == 0 ? "lookup" : "join", "seen_shape");
      cases.add(new GoldenCase(ids.get(i), "q", "SELECT 1", List.of(), false, tags,
          Map.of("complexity", i % 2 == 0 ? "Simple" : "Complex")));
    }
    return cases;
  }

  static RunDirectory taggedRun(Path temp) throws Exception {
    RunDirectory dir = RunFixtures.optimizeRun(temp);
    MetricsFile metrics = Json.MAPPER.readValue(dir.metricsFile().toFile(), MetricsFile.class);
    List<MetricsFile.IterationMetrics> tagged = new ArrayList<>();
    for (MetricsFile.IterationMetrics it : metrics.iterations()) {
      tagged.add(new MetricsFile.IterationMetrics(it.iteration(), retag(dir, it.iteration(), Split.TRAIN),
          it.test() == null ? null : retag(dir, it.iteration(), Split.TEST)));
    }
    Json.MAPPER.writeValue(dir.metricsFile().toFile(), new MetricsFile(metrics.version(), metrics.runId(), tagged,
        metrics.usage(), metrics.totalCostUsd()));
    return dir;
  }

  private static SplitMetrics retag(RunDirectory dir, int iteration, Split split) {
    List<ItemResult> rows = JournalReader.readAll(dir.evalFile(iteration, split));
    SplitAggregator aggregator = new SplitAggregator(split, 3, cases(rows, split));
    rows.forEach(aggregator::add);
    return aggregator.metrics();
  }

  @Test
  void theReportHasATableByTagAndByComplexityWithEveryIterationInMarkdownAndHtml() throws Exception {
    RunDirectory dir = taggedRun(temp);
    ReportPaths paths = ReportService.write(dir);
    String md = Files.readString(paths.markdown()).replace("\\_", "_"); // Markdown escapes the underscores
    String html = Files.readString(paths.html());
    assertThat(md).contains("## Accuracy by tag", "### By tag", "### By complexity")
        .containsPattern("\\| split \\| tag \\| iteration 1 \\| iteration 2 \\| iteration 3 \\| passed / items "
            + "\\(iteration \\d\\) \\| 95% interval \\(iteration \\d\\) \\|");
    MetricsFile metrics = Json.MAPPER.readValue(dir.metricsFile().toFile(), MetricsFile.class);
    var newShape = metrics.iterations().get(0).test().groups().byTag().get("new_shape");
    assertThat(md).containsPattern("\\| test \\| new_shape \\| " + java.util.regex.Pattern.quote(
        Fmt.pct(newShape.accuracy())) + " \\|");
    assertThat(md).contains("| train | lookup |", "| train | join |", "| test | seen_shape |",
        "| train | Simple |", "| test | Complex |");
    assertThat(ReportChecks.emptySections(Files.readString(paths.markdown()))).isEmpty();
    assertThat(ReportChecks.htmlText(html)).contains("Accuracy by tag").contains("new_shape")
        .doesNotContainPattern("\\bnull\\b");
    ReportChecks.parseXml(html);
  }

  @Test
  void testTagsNoTrainingQuestionCarriesAreNamedInTheRecommendations() throws Exception {
    RunDirectory dir = taggedRun(temp);
    String md = Files.readString(ReportService.write(dir).markdown()).replace("\\_", "_");
    String recommendations = md.substring(md.indexOf("## Recommendations"));
    assertThat(recommendations).containsPattern("Test tags that no training question carries, in iteration \\d: "
        + "new_shape [0-9.]+% \\(2 q\\)\\. These kinds of question were never shown to the optimizer");
    assertThat(recommendations.substring(0, recommendations.indexOf("## How to"))).doesNotContain("seen_shape 0");
  }

  @Test
  void aTagChartPerSplitIsDrawnWithARowPerTag() throws Exception {
    RunDirectory dir = taggedRun(temp);
    ReportPaths paths = ReportService.write(dir);
    assertThat(paths.charts()).filteredOn(c -> c.file().isPresent()).extracting(c -> c.file().orElseThrow())
        .contains("charts/" + TagChart.file(Split.TRAIN), "charts/" + TagChart.file(Split.TEST));
    BufferedImage image = ImageIO.read(dir.chartsDir().resolve(TagChart.file(Split.TEST)).toFile());
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(Files.readString(paths.markdown())).contains("charts/tags_test.png");
  }

  @Test
  void untaggedRunsHaveNoBreakdownSectionNorTagCharts() throws Exception {
    RunDirectory dir = RunFixtures.optimizeRun(temp);
    ReportPaths paths = ReportService.write(dir);
    assertThat(Files.readString(paths.markdown())).doesNotContain("Accuracy by tag").doesNotContain("tag chart");
    assertThat(dir.chartsDir().resolve(TagChart.file(Split.TEST))).doesNotExist();
  }
}
