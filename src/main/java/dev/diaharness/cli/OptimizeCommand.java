package dev.diaharness.cli;

import dev.diaharness.core.NotBuiltYetException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code optimize}: the iterative evaluate → propose → deploy loop (SPEC §5). */
@Command(name = "optimize", mixinStandardHelpOptions = true,
    description = "Iteratively optimize the agent: evaluate, learn from training failures, rewrite the config, "
        + "redeploy, repeat; end with the best evaluated config deployed.")
final class OptimizeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin RunOptionsMixin run;

  @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "10",
      description = "Hard cap on iterations (default: ${DEFAULT-VALUE}).")
  int maxIterations;

  @Option(names = "--auto-accept", description = "Apply proposals without asking.")
  boolean autoAccept;

  @Override
  public Integer call() {
    throw new NotBuiltYetException("the optimization loop (optimize)");
  }
}
