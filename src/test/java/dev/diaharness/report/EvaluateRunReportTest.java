package dev.diaharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.core.Json;
import dev.diaharness.report.chart.ChartResult;
import dev.diaharness.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorded evaluate run: one iteration, no test set, no trajectory. */
class EvaluateRunReportTest {
  @TempDir Path temp;

  @Test
  void oneIterationWithoutTestSetHasNoEmptySectionsAndNoOptimizationParts() throws Exception {
    RunDirectory dir = RunFixtures.evaluateRun(temp);
    ReportPaths paths = ReportService.write(dir);
    String md = Files.readString(paths.markdown());
    String html = Files.readString(paths.html());

    assertThat(paths.markdown().getFileName()).hasToString("EVALUATION_REPORT_20260302_093000.md");
    assertThat(ReportChecks.emptySections(md)).isEmpty();
    assertThat(md).doesNotContainPattern("\\bnull\\b").doesNotContain("NaN")
        .doesNotContain("Config evolution", "Changes proposed", "Best iteration", "| test |", "test accuracy");
    assertThat(ReportChecks.htmlText(html)).doesNotContainPattern("\\bnull\\b").doesNotContain("NaN");
    assertThat(md).contains("No iteration deltas: they need at least two iterations with metrics.",
        "No train vs test chart: the run has no test metrics.", "No test heatmap: the run has no test rows.",
        "dia-harness evaluate --config-file");
    ReportChecks.assertNoExternalReferences(html);
    ReportChecks.parseXml(html);
  }

  @Test
  void chartsNeedingTwoIterationsOrATestSetAreSkippedAndNotLeftOnDisk() throws Exception {
    RunDirectory dir = RunFixtures.evaluateRun(temp);
    Files.createDirectories(dir.chartsDir());
    Files.writeString(dir.chartsDir().resolve("deltas.png"), "stale chart from an older render");
    ReportPaths paths = ReportService.write(dir);
    assertThat(paths.charts()).filteredOn(c -> c.file().isPresent()).extracting(c -> c.file().orElseThrow())
        .containsExactly("charts/accuracy.png", "charts/repeat_distribution.png", "charts/status_breakdown.png",
            "charts/heatmap_train.png", "charts/category_means.png");
    assertThat(paths.charts()).filteredOn(c -> c.file().isEmpty()).extracting(ChartResult::note)
        .allSatisfy(note -> assertThat(note).isNotBlank());
    assertThat(dir.chartsDir().resolve("deltas.png")).doesNotExist();
  }

  @Test
  void summaryEqualsMetricsFile() throws Exception {
    RunDirectory dir = RunFixtures.evaluateRun(temp);
    String md = Files.readString(ReportService.write(dir).markdown());
    JsonNode train = Json.MAPPER.readTree(dir.metricsFile().toFile()).get("iterations").get(0).get("train");
    Matcher row = Pattern.compile(
        "\\| train \\| evaluated \\| 1 \\| ([0-9.]+)% \\| \\\\\\[([0-9.]+)%, ([0-9.]+)%\\\\\\] \\|").matcher(md);
    assertThat(row.find()).as("summary row in:%n%s", md).isTrue();
    assertThat(Double.parseDouble(row.group(1))).isCloseTo(train.get("accuracy").asDouble() * 100, within(0.05));
    assertThat(Double.parseDouble(row.group(2))).isCloseTo(train.get("ci95_low").asDouble() * 100, within(0.05));
    assertThat(Double.parseDouble(row.group(3))).isCloseTo(train.get("ci95_high").asDouble() * 100, within(0.05));
  }
}
