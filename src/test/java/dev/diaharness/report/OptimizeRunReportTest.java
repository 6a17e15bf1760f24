package dev.diaharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.core.Json;
import dev.diaharness.report.chart.ChartResult;
import dev.diaharness.run.RunDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Renders the recorded optimize run (3 iterations, train + test, 3 repeats) and checks both reports. */
class OptimizeRunReportTest {
  @TempDir static Path temp;
  static RunDirectory dir;
  static ReportPaths paths;
  static String markdown;
  static String html;
  static JsonNode metrics;
  static JsonNode trajectory;

  @BeforeAll
  static void render() throws Exception {
    dir = RunFixtures.optimizeRun(temp);
    paths = ReportService.write(dir);
    markdown = Files.readString(paths.markdown(), StandardCharsets.UTF_8);
    html = Files.readString(paths.html(), StandardCharsets.UTF_8);
    metrics = Json.MAPPER.readTree(dir.metricsFile().toFile());
    trajectory = Json.MAPPER.readTree(dir.trajectoryFile().toFile());
  }

  @Test
  void everyChartIsDrawnAsPngAndBothReportsAreWritten() throws Exception {
    assertThat(paths.markdown().getFileName()).hasToString("OPTIMIZATION_REPORT_20260301_120000.md");
    assertThat(paths.html().getFileName()).hasToString("report.html");
    assertThat(paths.charts()).hasSize(8).allSatisfy(c -> assertThat(c.file()).isPresent());
    for (ChartResult c : paths.charts()) {
      byte[] png = Files.readAllBytes(dir.root().resolve(c.file().orElseThrow()));
      assertThat(png).hasSizeGreaterThan(2000).startsWith(0x89, 'P', 'N', 'G');
      assertThat(markdown).contains("](" + c.file().orElseThrow() + ")");
    }
  }

  /** Each number of the summary table equals metrics.json and the trajectory's Python-compatible block. */
  @Test
  void summaryNumbersEqualTheRecordedMetrics() {
    List<String[]> rows = summaryRows();
    assertThat(rows).hasSize(6);
    int best = trajectory.get("best_iteration").asInt();
    int last = trajectory.get("iterations").size();
    for (String[] r : rows) {
      String split = r[0];
      int iteration = Integer.parseInt(r[2]);
      int expectedIteration = r[1].equals("initial") ? 1 : r[1].equals("best") ? best : last;
      assertThat(iteration).as("%s %s iteration", split, r[1]).isEqualTo(expectedIteration);
      JsonNode m = metrics.get("iterations").get(iteration - 1).get(split);
      assertThat(percent(r[3])).as("%s %s accuracy", split, r[1]).isCloseTo(m.get("accuracy").asDouble() * 100,
          within(0.05));
      JsonNode py = trajectory.get("iterations").get(iteration - 1).get("evaluation").get(split);
      assertThat(percent(r[3])).isCloseTo(py.get("accuracy").asDouble() * 100, within(0.05));
      String[] interval = r[4].replaceAll("[\\[\\]]", "").split(",");
      assertThat(percent(interval[0])).isCloseTo(m.get("ci95_low").asDouble() * 100, within(0.05));
      assertThat(percent(interval[1])).isCloseTo(m.get("ci95_high").asDouble() * 100, within(0.05));
    }
    Matcher its = Pattern.compile("Iterations: (\\d+) \\((\\d+) with metrics\\)\\. Best iteration: (\\d+)")
        .matcher(markdown);
    assertThat(its.find()).isTrue();
    assertThat(Integer.parseInt(its.group(1))).isEqualTo(trajectory.get("iterations").size());
    assertThat(Integer.parseInt(its.group(2))).isEqualTo(metrics.get("iterations").size());
    assertThat(Integer.parseInt(its.group(3))).isEqualTo(best);
    Matcher cost = Pattern.compile("Total cost: \\$([0-9.]+)\\.").matcher(markdown);
    assertThat(cost.find()).isTrue();
    assertThat(Double.parseDouble(cost.group(1))).isCloseTo(metrics.get("total_cost_usd").asDouble(),
        within(0.00005));
  }

  @Test
  void theOverfittingWarningComparesDecidedAccuracyOnly() {
    // iteration 3: train 62.5% vs test 50% over all items, but 3 of the 12 test items are undecided (UNSUPPORTED):
    // on decided items the test split has 6/9 = 66.7%, above training, so there is no overfitting to warn about
    JsonNode third = metrics.get("iterations").get(2);
    double gapAll = (third.get("train").get("accuracy").asDouble() - third.get("test").get("accuracy").asDouble()) * 100;
    JsonNode test = third.get("test");
    double decidedTest = test.get("passed").asDouble()
        / (test.get("items").asDouble() - test.get("status_counts").get("UNSUPPORTED").asDouble());
    assertThat(gapAll).isGreaterThan(10);
    assertThat(decidedTest).isGreaterThan(third.get("train").get("accuracy").asDouble());
    assertThat(markdown).doesNotContain("Possible overfitting");
  }

  @Test
  void optimizationSectionsShowConfigChangesAndThePairedComparison() {
    assertThat(markdown).contains("## Config evolution", "Changes proposed from this iteration",
        "nl2sql\\_examples — approved", "```diff", "fixed since iteration 1 (now passing a majority of repeats): "
            + "tr3, tr4", "broken since iteration 2 (no longer passing a majority): none", "## How to reproduce",
        trajectory.get("command_line").asText());
    String hash = trajectory.get("iterations").get(1).get("config_hash").asText().substring(0, 12);
    assertThat(markdown).containsPattern("\\| 2 \\| " + hash + " \\| .* \\| 2 \\| 54\\.2% \\| 66\\.7% \\|");
  }

  @Test
  void failuresCarryTheirEvidence() {
    assertThat(markdown).contains("variant 3 (DUPLICATES): customer 17 gets a third order",
        "Judge rationale: The generated query drops orders that were never shipped",
        "Error (GOLD\\_ERROR): Catalog Error: Table with name returns does not exist",
        "Error (TIMEOUT): no answer within 120 s", "Generated SQL: none (source NONE).",
        "Fix the golden set: the expected SQL fails for train tr5");
    assertThat(html).contains("<details>", "<summary>train tr3 — COUNTEREXAMPLE — 0/3 passed");
  }

  @Test
  void htmlIsSelfContainedAndWellFormed() throws Exception {
    ReportChecks.assertNoExternalReferences(html);
    Document doc = ReportChecks.parseXml(html);
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
    assertThat(doc.getElementsByTagName("main").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagName("img").getLength()).isEqualTo(8);
    assertThat(doc.getElementsByTagName("details").getLength()).isGreaterThan(10);
    assertThat(html).contains("<table class=\"sortable\">");
    assertThat(doc.getElementsByTagName("script").getLength()).isEqualTo(1);
  }

  @Test
  void untrustedTextIsEscaped() {
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .doesNotContain("<script>alert");
    assertThat(markdown).contains("&lt;script&gt;alert('x')&lt;/script&gt; \\| or a \\`pipe\\`");
    assertThat(markdown.replaceAll("(?s)```.*?\n```\n", "")).as("outside code blocks").doesNotContain("<script>");
    assertThat(markdown).contains("```sql\nSELECT order_id FROM orders WHERE note LIKE '%<script>%'\n```");
  }

  @Test
  void noEmptySectionAndNoMissingValues() {
    assertThat(ReportChecks.emptySections(markdown)).isEmpty();
    assertThat(markdown).doesNotContainPattern("\\bnull\\b").doesNotContain("NaN");
    assertThat(ReportChecks.htmlText(html)).doesNotContainPattern("\\bnull\\b").doesNotContain("NaN");
  }

  @Test
  void renderingIsDeterministic(@TempDir Path other) throws Exception {
    ReportPaths again = ReportService.write(dir);
    assertThat(Files.readString(again.markdown())).isEqualTo(markdown);
    assertThat(Files.readString(again.html())).isEqualTo(html);
    RunDirectory copy = RunFixtures.optimizeRun(other);
    ReportPaths elsewhere = ReportService.write(copy);
    assertThat(Files.readAllBytes(elsewhere.markdown())).isEqualTo(markdown.getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readAllBytes(elsewhere.html())).isEqualTo(html.getBytes(StandardCharsets.UTF_8));
    for (ChartResult c : paths.charts()) {
      String file = c.file().orElseThrow();
      assertThat(Files.readAllBytes(copy.root().resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(dir.root().resolve(file)));
    }
  }

  private static List<String[]> summaryRows() {
    String summary = markdown.substring(markdown.indexOf("## Summary"), markdown.indexOf("## Charts"));
    List<String[]> rows = new ArrayList<>();
    for (String line : summary.lines().toList()) {
      if (line.startsWith("| train ") || line.startsWith("| test ")) {
        String[] cells = line.substring(1, line.length() - 1).split("\\|");
        String[] trimmed = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
          trimmed[i] = cells[i].replace("\\", "").strip();
        }
        rows.add(trimmed);
      }
    }
    return rows;
  }

  private static double percent(String text) {
    return Double.parseDouble(text.strip().replace("%", ""));
  }
}
