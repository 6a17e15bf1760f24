package dev.diaharness.cli;

import dev.diaharness.core.NotBuiltYetException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code report RUN_DIR}: rebuild charts and reports from a run's files. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Regenerate the charts, the Markdown report and report.html of a run from its files alone.")
final class ReportCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "RUN_DIR", description = "A run directory, e.g. results/run_20260101_120000.")
  Path runDir;

  @Override
  public Integer call() {
    throw new NotBuiltYetException("the report writer (report)");
  }
}
