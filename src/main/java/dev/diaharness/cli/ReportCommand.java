package dev.diaharness.cli;

import dev.diaharness.report.ReportPaths;
import dev.diaharness.report.ReportService;
import dev.diaharness.report.chart.ChartResult;
import dev.diaharness.run.RunDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code report RUN_DIR}: rebuild charts and reports from a run's files. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Regenerate the charts, the Markdown report and report.html of a run from its files alone.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the reports were written", "2:RUN_DIR is not a run folder or a run file is unreadable",
        "3:internal error"})
final class ReportCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RUN_DIR", description = "A run directory, e.g. results/run_20260101_120000.")
  Path runDir;

  @Override
  public Integer call() {
    ReportPaths paths = ReportService.write(RunDirectory.open(runDir));
    PrintWriter out = spec.commandLine().getOut();
    out.println("report:   " + paths.markdown());
    out.println("html:     " + paths.html());
    long drawn = paths.charts().stream().filter(c -> c.file().isPresent()).count();
    out.println("charts:   " + drawn + " drawn in " + runDir.resolve("charts"));
    for (ChartResult c : paths.charts()) {
      if (c.file().isEmpty()) {
        out.println("  " + c.note());
      }
    }
    return ExitCode.OK.code();
  }
}
