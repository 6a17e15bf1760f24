package dev.diaharness.cli;

import dev.diaharness.core.InputException;
import dev.diaharness.optimize.OptimizeOptions;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The flags of {@code optimize} beyond the shared run flags. */
final class OptimizerOptionsMixin {
  @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "10",
      description = "Hard cap on iterations (default: ${DEFAULT-VALUE}).")
  int maxIterations;

  @Option(names = "--auto-accept", description = "Apply proposals without asking.")
  boolean autoAccept;

  @Option(names = "--target-accuracy", paramLabel = "P",
      description = "Stop once training accuracy (0-100) reaches P.")
  Double targetAccuracy;

  @Option(names = "--patience", paramLabel = "N",
      description = "Stop after N iterations without a new best training accuracy.")
  Integer patience;

  @Option(names = "--optimizer", paramLabel = "NAME",
      description = "opro (an LLM rewrites the config) or examples (offline: curates few-shot examples); "
          + "default: opro when PROMPT_IMPROVEMENT_MODEL is set, else examples.")
  String optimizer;

  @Option(names = "--candidates", paramLabel = "K", defaultValue = "4",
      description = "(opro) candidate configs generated in parallel per iteration (default: ${DEFAULT-VALUE}).")
  int candidates;

  @Option(names = "--minibatch", paramLabel = "N", defaultValue = "12",
      description = "(opro) training questions each candidate is screened on (default: ${DEFAULT-VALUE}).")
  int minibatch;

  @Option(names = "--agent-pool", paramLabel = "N", defaultValue = "1",
      description = "(opro) agents that screen candidates at once: the run's agent plus N-1 pool agents named "
          + "'<display name> · pool k', found or created (and kept) in your project; 1 screens candidates one at a "
          + "time on the run's agent (default: ${DEFAULT-VALUE}).")
  int agentPool;

  @Option(names = "--minibatch-seed", paramLabel = "N", defaultValue = "42", hidden = true,
      description = "(opro) seed of the screening minibatch.")
  long seedForMinibatch;

  @Option(names = "--max-examples", paramLabel = "N", defaultValue = "20",
      description = "(examples) most few-shot examples the config may hold (default: ${DEFAULT-VALUE}).")
  int maxExamples;

  @Option(names = "--examples-per-iteration", paramLabel = "N", defaultValue = "5",
      description = "(examples) failed training questions added per iteration (default: ${DEFAULT-VALUE}).")
  int examplesPerIteration;

  @Option(names = "--rollback-points", paramLabel = "P", defaultValue = "5",
      description = "A training accuracy this many points below the best rolls back to the best config "
          + "(default: ${DEFAULT-VALUE}).")
  double rollbackPoints;

  /** The largest {@code --agent-pool}: every pool agent is a deployed agent in the user's project. */
  static final int MAX_AGENT_POOL = 16;

  OptimizeOptions toOptions() {
    if (agentPool < 1 || agentPool > MAX_AGENT_POOL) {
      throw new InputException("--agent-pool must be between 1 and " + MAX_AGENT_POOL + ", got " + agentPool);
    }
    try {
      return new OptimizeOptions(maxIterations, Optional.ofNullable(targetAccuracy).map(p -> p / 100),
          Optional.ofNullable(patience), rollbackPoints);
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage());
    }
  }
}
