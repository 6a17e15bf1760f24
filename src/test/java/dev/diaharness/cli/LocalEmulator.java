package dev.diaharness.cli;

import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.emulator.EmulatorServer;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.LatencyPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * An emulator the test owns, holding the example agent, that the CLI reaches as "Gemini Enterprise" through the
 * environment (loopback: no credentials). Unlike {@code --embedded}, the test can read its request metrics and
 * it outlives the process under test — so a killed run and its resumption talk to the same agent.
 */
final class LocalEmulator implements AutoCloseable {
  final EmulatorServer server;

  private LocalEmulator(EmulatorServer server) {
    this.server = server;
  }

  /** The example's baseline agent at temperature 0 (deterministic answers), seeded, deploys done at once. */
  static LocalEmulator start(FaultPlan faults, LatencyPlan latency, long seed) {
    return new LocalEmulator(EmulatorServer.builder(AgentConfigLoader.load(Path.of(EvaluateCommandTest.CONFIG)))
        .seed(seed).temperature(0).faults(faults).latency(latency).deployDelay(Duration.ZERO).start());
  }

  /** As above, answering 429 RESOURCE_EXHAUSTED (no Retry-After) above {@code quotaRps} conversation requests/s. */
  static LocalEmulator withQuota(double quotaRps, LatencyPlan latency, long seed) {
    return new LocalEmulator(EmulatorServer.builder(AgentConfigLoader.load(Path.of(EvaluateCommandTest.CONFIG)))
        .seed(seed).temperature(0).latency(latency).quota(java.util.Optional.of(quotaRps))
        .deployDelay(Duration.ZERO).start());
  }

  /** The variables that point the CLI at this emulator's agent. */
  Map<String, String> env() {
    return Map.of(
        "GOOGLE_CLOUD_PROJECT", server.projectId(),
        "DIA_LOCATION", server.location(),
        "DIA_ENGINE_ID", server.engineId(),
        "DIA_ENDPOINT", server.baseUrl(),
        "DIA_AGENT_ID", server.agentId(),
        "BQ_PROJECT_ID", server.projectId(),
        "BQ_DATASET_ID", "local_dataset");
  }

  long streamAssistCalls() {
    return server.metrics().count("streamAssist");
  }

  @Override
  public void close() {
    server.close();
  }
}
