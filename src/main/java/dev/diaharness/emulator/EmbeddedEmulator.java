package dev.diaharness.emulator;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.emulator.brain.Brain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The emulator started in-process for {@code --embedded} runs: an {@link EmulatorServer} on a free loopback port
 * holding one ENABLED agent built from the config (and its {@code local_data}). Point a Gemini client at
 * {@link #baseUrl()} with the returned project, location, engine and agent ids. Close it to stop the server.
 * Thread-safe.
 */
public final class EmbeddedEmulator implements AutoCloseable {
  /**
   * How the embedded emulator answers. Defaults: retrieval brain, seed 0, temperature 0, no faults, no latency,
   * deploys complete at once, no quota.
   *
   * @param dataFolder overrides the config's {@code local_data}
   * @param brain overrides the retrieval brain
   */
  public record Options(long seed, double temperature, FaultPlan faults, LatencyPlan latency,
      Optional<Path> dataFolder, Optional<Brain> brain, Duration deployDelay, Optional<Double> quotaRps) {
    public Options {
      Objects.requireNonNull(quotaRps, "quotaRps");
      Objects.requireNonNull(faults, "faults");
      Objects.requireNonNull(latency, "latency");
      Objects.requireNonNull(dataFolder, "dataFolder");
      Objects.requireNonNull(brain, "brain");
      Objects.requireNonNull(deployDelay, "deployDelay");
      if (!(temperature >= 0)) {
        throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
      }
    }

    public static Options defaults() {
      return new Options(0, 0, FaultPlan.none(), LatencyPlan.none(), Optional.empty(), Optional.empty(),
          Duration.ZERO, Optional.empty());
    }

    public Options withSeed(long value) {
      return new Options(value, temperature, faults, latency, dataFolder, brain, deployDelay, quotaRps);
    }

    public Options withTemperature(double value) {
      return new Options(seed, value, faults, latency, dataFolder, brain, deployDelay, quotaRps);
    }

    public Options withFaults(FaultPlan value) {
      return new Options(seed, temperature, value, latency, dataFolder, brain, deployDelay, quotaRps);
    }

    public Options withLatency(LatencyPlan value) {
      return new Options(seed, temperature, faults, value, dataFolder, brain, deployDelay, quotaRps);
    }

    public Options withDataFolder(Path value) {
      return new Options(seed, temperature, faults, latency, Optional.of(value), brain, deployDelay, quotaRps);
    }

    /** A conversation-request quota, as {@code emulator --quota-rps}. */
    public Options withQuota(Optional<Double> requestsPerSecond) {
      return new Options(seed, temperature, faults, latency, dataFolder, brain, deployDelay, requestsPerSecond);
    }

    public Options withBrain(Brain value) {
      return new Options(seed, temperature, faults, latency, dataFolder, Optional.of(value), deployDelay, quotaRps);
    }
  }

  private final EmulatorServer server;

  private EmbeddedEmulator(EmulatorServer server) {
    this.server = server;
  }

  /**
   * Starts the emulator for this config.
   *
   * @throws dev.diaharness.core.InputException when the data folder cannot be loaded
   */
  public static EmbeddedEmulator start(AgentConfig config, Options options) {
    EmulatorServer.Builder builder = EmulatorServer.builder(config)
        .seed(options.seed())
        .temperature(options.temperature())
        .faults(options.faults())
        .latency(options.latency())
        .deployDelay(options.deployDelay())
        .quota(options.quotaRps());
    options.dataFolder().ifPresent(builder::dataFolder);
    options.brain().ifPresent(builder::brain);
    return new EmbeddedEmulator(builder.start());
  }

  /** {@code http://127.0.0.1:PORT}: the {@code DIA_ENDPOINT} to use. */
  public String baseUrl() {
    return server.baseUrl();
  }

  public String agentId() {
    return server.agentId();
  }

  public String projectId() {
    return server.projectId();
  }

  public String location() {
    return server.location();
  }

  public String engineId() {
    return server.engineId();
  }

  /** The running server, e.g. for its request metrics. */
  public EmulatorServer server() {
    return server;
  }

  @Override
  public void close() {
    server.close();
  }
}
