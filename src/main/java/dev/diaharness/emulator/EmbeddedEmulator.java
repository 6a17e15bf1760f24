package dev.diaharness.emulator;

import dev.diaharness.config.AgentConfig;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The emulator started in-process for {@code --embedded} runs: an {@link EmulatorServer} on a free loopback port
 * holding one ENABLED agent built from the config (and its {@code local_data}). Point a Gemini client at
 * {@link #baseUrl()} with the returned project, location, engine and agent ids. Close it to stop the server.
 * Thread-safe.
 */
public final class EmbeddedEmulator implements AutoCloseable {
  private final EmulatorServer server;

  private EmbeddedEmulator(EmulatorServer server) {
    this.server = server;
  }

  /**
   * Starts the emulator for this config, on a free port, with the embedded defaults (retrieval brain, seed 0,
   * temperature 0, no faults, no latency, no quota, deploys complete at once) changed by {@code setup}: for a run,
   * {@code b -> settings.applyTo(b)} with the {@link EmulatorSettings} of its flags.
   *
   * @throws dev.diaharness.core.InputException when the data folder cannot be loaded
   */
  public static EmbeddedEmulator start(AgentConfig config, UnaryOperator<EmulatorServer.Builder> setup) {
    return new EmbeddedEmulator(setup.apply(EmulatorServer.builder(config).deployDelay(Duration.ZERO)).start());
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
