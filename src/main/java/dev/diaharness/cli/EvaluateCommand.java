package dev.diaharness.cli;

import dev.diaharness.core.NotBuiltYetException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evaluate}: one evaluation of the agent as deployed (train ∥ test, N repeats). */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Evaluate the agent as deployed: the training set (and test set, concurrently), N repeats, "
        + "scored by execution, written to a run directory.")
final class EvaluateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin RunOptionsMixin run;

  @Option(names = "--apply-config", description = "First apply the config file to the agent: patch, deploy, verify.")
  boolean applyConfig;

  @Option(names = "--min-accuracy", paramLabel = "P",
      description = "Quality gate: exit 1 when training accuracy (0-100) is below P.")
  Double minAccuracy;

  @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML, one testcase per question.")
  Path junit;

  @Override
  public Integer call() {
    throw new NotBuiltYetException("the evaluation engine (evaluate)");
  }
}
