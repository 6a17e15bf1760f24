package dev.diaharness.cli;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.core.InputException;
import dev.diaharness.optimize.ConfigDeployment;
import dev.diaharness.report.JUnitReport;
import dev.diaharness.run.EvaluationResult;
import dev.diaharness.run.RunEvaluation;
import dev.diaharness.run.RunInterruptedException;
import dev.diaharness.run.Split;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate}: one evaluation of the agent as deployed (train ∥ test, N repeats). */
@Command(name = "evaluate", mixinStandardHelpOptions = true, modelTransformer = EmbeddedEmulatorFlags.class,
    description = "Evaluate the agent as deployed: the training set (and test set, concurrently), N repeats, "
        + "scored by execution, written to a run directory.")
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin RunOptionsMixin run;

  @Option(names = "--apply-config", description = "First apply the config file to the agent: patch, deploy, verify.")
  boolean applyConfig;

  @Option(names = "--min-accuracy", paramLabel = "P",
      description = "Quality gate: exit 1 when training accuracy (0-100) is below P.")
  Double minAccuracy;

  @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML, one testcase per question.")
  Path junit;

  /** The environment (real over .env); tests replace it. */
  Function<String, Optional<String>> environment = ProcessEnvironment.LOOKUP;

  @Override
  public Integer call() {
    if (run.resume != null) {
      ResumedFlags.apply(spec, run.resume, EvaluateCommand::new);
    }
    PrintWriter out = spec.commandLine().getOut();
    ConsoleProgress progress = new ConsoleProgress(out, System.console() != null);
    try (RunSetup setup = RunSetup.open(run, "evaluate", CommandLines.of(spec), environment, progress);
        RunEvaluation evaluation = setup.evaluation(progress);
        InterruptSignals signals = InterruptSignals.install(spec.commandLine().getErr(),
            () -> evaluation.interrupt(InterruptSignals.GRACE))) {
      out.println("run folder: " + setup.run.root());
      String schema = prepareAgent(setup);
      EvaluationResult result;
      try {
        result = evaluation.evaluate(1, schema);
      } catch (RunInterruptedException e) {
        setup.end("interrupted", evaluation);
        Reports.write(setup.run, out);
        out.println("interrupted: every finished item is kept. Resume with:");
        out.println("  " + CommandLines.resume("evaluate", setup.run.root()));
        return ExitCode.INTERRUPTED.code();
      } catch (RuntimeException e) {
        // a 403, a rejected model key, a spent budget…: what finished stays, and the reports show it
        setup.end("error: " + e.getMessage(), evaluation);
        Reports.write(setup.run, out);
        throw e;
      }
      setup.end("evaluated", evaluation);
      new SummaryPrinter(out).print(result);
      setup.printWarnings(out);
      setup.usageLines().forEach(out::println);
      writeJUnit(evaluation, setup);
      Reports.write(setup.run, out);
      Optional<String> gate = SummaryPrinter.gateFailure(result, Optional.ofNullable(minAccuracy));
      gate.ifPresent(reason -> spec.commandLine().getErr().println("quality gate failed: " + reason));
      return gate.isPresent() ? ExitCode.GATE_FAILED.code() : ExitCode.OK.code();
    }
  }

  /** Applies the config when asked; returns the schema description the scorer's judge gets. */
  private String prepareAgent(RunSetup setup) {
    if (applyConfig && !setup.connection.isEmbedded()) {
      AgentConfig config = setup.config.orElseThrow(() -> new InputException("--apply-config needs --config-file"));
      new ConfigDeployment(setup.connection.deployer()).apply(setup.connection.agentId(), config);
    }
    return setup.config.map(AgentConfig::schemaDescription)
        .orElseGet(() -> setup.connection.deployer().get(setup.connection.agentId()).schemaDescription());
  }

  private void writeJUnit(RunEvaluation evaluation, RunSetup setup) {
    if (junit == null) {
      return;
    }
    List<dev.diaharness.run.ItemResult> rows = new ArrayList<>(evaluation.rows(1, Split.TRAIN));
    if (setup.test.isPresent()) {
      rows.addAll(evaluation.rows(1, Split.TEST));
    }
    JUnitReport.write(junit, rows, JUnitReport.tagsOf(setup.train.cases(),
        setup.test.map(dev.diaharness.dataset.GoldenSet::cases).orElse(List.of())));
    spec.commandLine().getOut().println("JUnit XML: " + junit);
  }
}
