package dev.diaharness.cli;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.optimize.ApprovalPolicy;
import dev.diaharness.optimize.ConfigDeployment;
import dev.diaharness.optimize.InteractiveApproval;
import dev.diaharness.optimize.IterationEvaluator;
import dev.diaharness.optimize.OptimizationLoop;
import dev.diaharness.optimize.OptimizationOutcome;
import dev.diaharness.optimize.OptimizeOptions;
import dev.diaharness.optimize.ResumePoint;
import dev.diaharness.optimize.RunFiles;
import dev.diaharness.optimize.Trajectory;
import dev.diaharness.optimize.TrajectoryStore;
import dev.diaharness.run.EvaluationResult;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.RunEvaluation;
import dev.diaharness.run.RunInterruptedException;
import dev.diaharness.run.Split;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code optimize}: the iterative evaluate → propose → deploy loop (SPEC §5). */
@Command(name = "optimize", mixinStandardHelpOptions = true, modelTransformer = EmbeddedEmulatorFlags.class,
    description = "Iteratively optimize the agent: evaluate, learn from training failures, rewrite the config, "
        + "redeploy, repeat; end with the best evaluated config deployed.")
final class OptimizeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin RunOptionsMixin run;
  @Mixin OptimizerOptionsMixin optimizer;

  /** The environment (real over .env); tests replace it. */
  Function<String, Optional<String>> environment = ProcessEnvironment.LOOKUP;

  /** Where interactive answers come from; tests pipe them. */
  BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

  @Override
  public Integer call() {
    if (run.resume != null) {
      ResumedFlags.apply(spec, run.resume, OptimizeCommand::new);
    }
    PrintWriter out = spec.commandLine().getOut();
    OptimizeOptions options = optimizer.toOptions();
    ConsoleProgress progress = new ConsoleProgress(out, System.console() != null);
    try (RunSetup setup = RunSetup.open(run, Map.of("agent_pool", Integer.toString(optimizer.agentPool)),
        "optimize", CommandLines.of(spec), environment, progress);
        RunEvaluation evaluation = setup.evaluation(progress);
        InterruptSignals signals = InterruptSignals.install(spec.commandLine().getErr(),
            () -> evaluation.interrupt(InterruptSignals.GRACE));
        ScreeningPool screening = ScreeningPool.open(setup, optimizer.agentPool,
            ProposerChoice.nameOf(optimizer, setup.models), new ConfigDeployment(setup.connection.deployer()),
            progress)) {
      out.println("run folder: " + setup.run.root());
      RunFiles files = new RunFiles(setup.run);
      TrajectoryStore store = new TrajectoryStore(setup.run.trajectoryFile());
      ConfigDeployment deployment = new ConfigDeployment(setup.connection.deployer());
      ProposerChoice proposer = ProposerChoice.choose(optimizer, setup.models, progress,
          Optional.of(screening.screen()));
      ResumePoint start = ResumePoint.of(setup.folder, setup.manifest, files, store, proposer.name(),
          () -> startingConfig(setup));
      ApprovalPolicy approval = approval(out);
      OptimizationLoop loop = new OptimizationLoop(setup.connection.agentId(), deployment, evaluator(evaluation),
          proposer.proposer(),
          ProposerChoice.validator(), approval,
          setup.train.cases(), options, store, files, progress, setup.models::budgetStop, Clock.systemUTC());
      OptimizationOutcome outcome = null;
      try {
        outcome = loop.run(start.trajectory(), start.iteration(), start.config());
      } catch (RunInterruptedException e) {
        // Ctrl-C: the loop recorded the end; run.json and the reports follow, then the resume command
      } finally {
        setup.end(store.read().map(Trajectory::endReason).orElse("ended"), evaluation);
        Reports.write(setup.run, out);
      }
      if (outcome == null) {
        out.println("interrupted: every finished item is kept. Resume with:");
        out.println("  " + CommandLines.resume("optimize", setup.run.root()));
        return ExitCode.INTERRUPTED.code();
      }
      new TrajectoryPrinter(out).print(outcome);
      setup.printWarnings(out);
      setup.usageLines().forEach(out::println);
      if (approval instanceof InteractiveApproval interactive && interactive.inputEnded()) {
        spec.commandLine().getErr().println("error: standard input ended before the run did, so optimize stopped "
            + "(" + outcome.endReason() + "); answer its questions, or give --auto-accept");
        return ExitCode.BAD_INPUT.code();
      }
      return outcome.stoppedEarly() ? ExitCode.STOPPED.code() : ExitCode.OK.code();
    }
  }

  private AgentConfig startingConfig(RunSetup setup) {
    return setup.config.orElseGet(() -> setup.connection.deployer().get(setup.connection.agentId()));
  }

  private ApprovalPolicy approval(PrintWriter out) {
    return optimizer.autoAccept ? ApprovalPolicy.AUTO_ACCEPT
        : new InteractiveApproval(input, out, environment.apply("EDITOR"));
  }

  private static IterationEvaluator evaluator(RunEvaluation evaluation) {
    return new IterationEvaluator() {
      @Override
      public EvaluationResult evaluate(int iteration, AgentConfig config) {
        return evaluation.evaluate(iteration, config.schemaDescription(), Set.of(Split.TRAIN));
      }

      @Override
      public List<ItemResult> trainRows(int iteration) {
        return evaluation.rows(iteration, Split.TRAIN);
      }
    };
  }
}
