package dev.diaharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import dev.diaharness.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs that ended early: whatever files exist make a report, with a line for what is missing. */
class PartialRunReportTest {
  @TempDir Path temp;

  @Test
  void iterationWithRowsButNoMetricsYet() throws Exception {
    RunDirectory dir = RunFixtures.optimizeRun(temp);
    ObjectNode metrics = (ObjectNode) Json.MAPPER.readTree(dir.metricsFile().toFile());
    ((ArrayNode) metrics.get("iterations")).remove(2);
    Json.MAPPER.writeValue(dir.metricsFile().toFile(), metrics);
    ObjectNode trajectory = (ObjectNode) Json.MAPPER.readTree(dir.trajectoryFile().toFile());
    ((ArrayNode) trajectory.get("iterations")).remove(2);
    trajectory.remove("best_iteration");
    trajectory.put("end_reason", "error: deploying the config to agent 4711 failed: service unavailable");
    Json.MAPPER.writeValue(dir.trajectoryFile().toFile(), trajectory);
    Files.delete(dir.manifestFile());

    String md = Files.readString(ReportService.write(dir).markdown());

    assertThat(md).contains("Iterations: 3 (2 with metrics). Best iteration: 2",
        "Metrics: not written for this iteration", "run.json is missing",
        "> **Warning:** The run ended early on an error", "| 3 | - |", "dia-harness optimize --config-file");
    assertThat(ReportChecks.emptySections(md)).isEmpty();
    assertThat(md).doesNotContainPattern("\\bnull\\b").doesNotContain("NaN");
  }

  @Test
  void onlyEvalRowsLeft() throws Exception {
    RunDirectory dir = RunFixtures.optimizeRun(temp);
    Files.delete(dir.metricsFile());
    Files.delete(dir.trajectoryFile());
    Files.delete(dir.manifestFile());

    ReportPaths paths = ReportService.write(dir);
    String md = Files.readString(paths.markdown());

    assertThat(paths.markdown().getFileName()).hasToString("EVALUATION_REPORT_20260301_120000.md");
    assertThat(md).contains("No iteration has metrics yet", "Cost: unknown",
        "No accuracy chart: no iteration has metrics yet.", "![Pass rate per train question and iteration]");
    assertThat(ReportChecks.emptySections(md)).isEmpty();
    assertThat(md).doesNotContainPattern("\\bnull\\b").doesNotContain("NaN");
    ReportChecks.parseXml(Files.readString(paths.html()));
  }

  @Test
  void aFolderWithNoRunFileIsAnInputErrorNamingIt() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("run_20260101_000000"));
    assertThatThrownBy(() -> ReportService.write(RunDirectory.open(empty)))
        .isInstanceOf(InputException.class).hasMessageContaining(empty.toString())
        .hasMessageContaining("not a run folder");
  }

  @Test
  void anUnreadableMetricsFileIsAnInputErrorNamingIt() throws Exception {
    RunDirectory dir = RunFixtures.optimizeRun(temp);
    Files.writeString(dir.metricsFile(), "{ not json");
    assertThatThrownBy(() -> ReportService.write(dir)).isInstanceOf(InputException.class)
        .hasMessageContaining("metrics.json").hasMessageContaining("not a readable metrics file");
  }
}
