package dev.diaharness.emulator;

import dev.diaharness.emulator.brain.Brain;
import java.util.Objects;
import java.util.Optional;

/**
 * How an emulator answers, as its flags set it: the same record for the {@code emulator} command and for the
 * in-process emulator of {@code --embedded} runs (the CLI's {@code EmulatorOptionsMixin} builds it from either).
 * The agent, its data, the port and the deploy delay are the host's business, not part of it. Immutable.
 *
 * @param seed        seed of the retrieval brain's sampling and of fault and latency draws
 * @param temperature how often the retrieval brain samples among near-tie examples; 0 = always the best match
 * @param quotaRps    429 RESOURCE_EXHAUSTED (no Retry-After) above this many conversation requests per second
 * @param brain       who writes the SQL instead of the retrieval brain (an OpenAI-compatible model); empty = retrieval
 */
public record EmulatorSettings(long seed, double temperature, LatencyPlan latency, FaultPlan faults,
    Optional<Double> quotaRps, Answers answers, DeployFault deployFault, Optional<Brain> brain, Ids ids) {

  /** The shape of answers: the SQL also as a grounding snippet; prose without the SQL, as the real service. */
  public record Answers(boolean groundedSql, boolean proseAnswers) {}

  /** The project, location and engine ids in the emulated paths. */
  public record Ids(String project, String location, String engine) {
    public static final Ids DEFAULT = new Ids("local-project", "global", "local-engine");
  }

  public EmulatorSettings {
    if (!(temperature >= 0)) {
      throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
    }
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(faults, "faults");
    Objects.requireNonNull(quotaRps, "quotaRps").filter(r -> !(r > 0)).ifPresent(r -> {
      throw new IllegalArgumentException("quota must be > 0 requests/s, got " + r);
    });
    Objects.requireNonNull(answers, "answers");
    Objects.requireNonNull(deployFault, "deployFault");
    Objects.requireNonNull(brain, "brain");
    Objects.requireNonNull(ids, "ids");
  }

  /** Sets every setting on {@code builder} and returns it. */
  public EmulatorServer.Builder applyTo(EmulatorServer.Builder builder) {
    builder.seed(seed).temperature(temperature).latency(latency).faults(faults).quota(quotaRps)
        .groundedSql(answers.groundedSql()).proseAnswers(answers.proseAnswers()).deployFault(deployFault)
        .ids(ids.project(), ids.location(), ids.engine());
    brain.ifPresent(builder::brain);
    return builder;
  }
}
