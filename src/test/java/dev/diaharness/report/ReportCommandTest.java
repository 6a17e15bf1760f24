package dev.diaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.cli.CliTestSupport;
import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dia-harness report RUN_DIR} through the real command line. */
class ReportCommandTest {
  @TempDir Path temp;

  @Test
  void rebuildsTheReportsAndPrintsTheirPaths() {
    RunDirectory dir = RunFixtures.evaluateRun(temp);
    CliRun run = CliTestSupport.run("report", dir.root().toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains(dir.root().resolve("EVALUATION_REPORT_20260302_093000.md").toString(),
        dir.root().resolve("report.html").toString(), "charts:   5 drawn",
        "No iteration deltas: they need at least two iterations with metrics.");
    assertThat(dir.root().resolve("report.html")).exists();
  }

  @Test
  void missingRunFolderExitsTwoNamingIt() {
    Path missing = temp.resolve("run_19990101_000000");
    CliRun run = CliTestSupport.run("report", missing.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(missing.toString()).contains("does not exist");
  }

  @Test
  void brokenRunFileExitsTwoNamingTheFile() throws Exception {
    RunDirectory dir = RunFixtures.optimizeRun(temp);
    Files.writeString(dir.trajectoryFile(), "[1, 2");
    CliRun run = CliTestSupport.run("report", dir.root().toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(dir.trajectoryFile().toString()).hasLineCount(1);
  }
}
