package dev.diaharness.cli;

import picocli.CommandLine.Command;

/** The root command: lists the subcommands. */
@Command(
    name = "dia-harness",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Deploys, evaluates and iteratively optimizes natural-language-to-SQL data agents "
          + "(Gemini Enterprise Data Insights Agents, or the local emulator).",
      "",
      "Examples:",
      "  dia-harness validate --config-file examples/ecommerce/baseline_config.json "
          + "--golden-set examples/ecommerce/golden_set.json",
      "  dia-harness optimize --embedded --config-file examples/ecommerce/baseline_config.json "
          + "--golden-set examples/ecommerce/golden_set.json --test-set examples/ecommerce/test_set.json --auto-accept",
      "  dia-harness score --expected \"SELECT 1\" --generated \"SELECT 1\"",
      ""
    },
    subcommands = {
      DoctorCommand.class,
      DeployCommand.class,
      EvaluateCommand.class,
      OptimizeCommand.class,
      EmulatorCommand.class,
      DataCommand.class,
      ReportCommand.class,
      AgentsCommand.class,
      ScoreCommand.class,
      ValidateCommand.class,
      CompareCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:a quality gate failed (e.g. --min-accuracy)",
      "2:bad input or configuration (one line names the file, row or field)",
      "3:internal error",
      "4:the run stopped early (budget spent, service failing); what was written stays",
      "130:interrupted (Ctrl-C or SIGTERM); the run can be resumed"
    })
final class DiaHarnessCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
