package dev.diaharness.cli;

import dev.diaharness.agent.Agent;
import dev.diaharness.agent.AgentDeployer;
import dev.diaharness.agent.AgentSummary;
import dev.diaharness.agent.CallGate;
import dev.diaharness.agent.gemini.GeminiAgent;
import dev.diaharness.agent.gemini.GeminiEnterpriseClient;
import dev.diaharness.agent.gemini.GeminiHttp;
import dev.diaharness.agent.gemini.GeminiSettings;
import dev.diaharness.agent.gemini.RetryListener;
import dev.diaharness.agent.gemini.SessionLedger;
import dev.diaharness.agent.gemini.StreamAssistParser;
import dev.diaharness.agent.gemini.SqlFollowup;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.core.InputException;
import dev.diaharness.emulator.EmbeddedEmulator;
import dev.diaharness.emulator.EmulatorSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The agent a run talks to — Gemini Enterprise, or the in-process emulator for {@code --embedded} — behind the same
 * REST client, so the embedded run proves the real code path. Close it to stop the emulator.
 */
final class AgentConnection implements AutoCloseable {
  /** With {@code --keep-raw}, a raw stream is kept up to this size (a real answer is tens of KiB). */
  static final int KEPT_RAW_CAP = 256 * 1024 * 1024;
  private final Optional<EmbeddedEmulator> emulator;
  private final GeminiSettings settings;
  private final Function<String, Optional<String>> env;
  private final String agentId;
  private final CallGate gate;
  private final SessionLedger sessions = new SessionLedger();
  private boolean keepRaw;
  private boolean keepSessions;

  private AgentConnection(Optional<EmbeddedEmulator> emulator, GeminiSettings settings,
      Function<String, Optional<String>> env, String agentId, CallGate gate) {
    this.emulator = emulator;
    this.settings = settings;
    this.env = env;
    this.agentId = agentId;
    this.gate = gate;
  }

  /**
   * {@code --keep-raw}: answers keep their raw streams whole (else each is cut at 64 KiB);
   * {@code --keep-sessions}: the sessions of the run are not deleted by {@link #close()}.
   */
  AgentConnection retaining(boolean raw, boolean keptSessions) {
    this.keepRaw = raw;
    this.keepSessions = keptSessions;
    return this;
  }

  /**
   * Starts the emulator with {@code config} (and its data, or {@code data}) on a free loopback port, answering as
   * {@code settings} say (faults, latency and a quota are none outside tests and benchmarks).
   */
  static AgentConnection embedded(AgentConfig config, Optional<Path> data, EmulatorSettings settings, CallGate gate) {
    EmbeddedEmulator started = EmbeddedEmulator.start(config, b -> {
      data.ifPresent(b::dataFolder);
      return settings.applyTo(b);
    });
    Map<String, String> vars = Map.of(
        "GOOGLE_CLOUD_PROJECT", started.projectId(),
        "DIA_LOCATION", started.location(),
        "DIA_ENGINE_ID", started.engineId(),
        "DIA_ENDPOINT", started.baseUrl(),
        "BQ_PROJECT_ID", started.projectId(),
        "BQ_DATASET_ID", "local_dataset");
    Function<String, Optional<String>> env = name -> Optional.ofNullable(vars.get(name));
    return new AgentConnection(Optional.of(started), GeminiSettings.fromEnvironment(env), env, started.agentId(),
        gate);
  }

  /**
   * Gemini Enterprise from the environment. The agent is {@code --agent-id}, else {@code DIA_AGENT_ID}, else the
   * agent whose display name is the config's.
   */
  static AgentConnection remote(Function<String, Optional<String>> env, Optional<String> agentIdFlag,
      Optional<AgentConfig> config, CallGate gate) {
    GeminiSettings settings = GeminiSettings.fromEnvironment(env);
    Optional<String> id = agentIdFlag.or(() -> env.apply("DIA_AGENT_ID"));
    if (id.isEmpty()) {
      AgentConfig c = config.orElseThrow(() -> new InputException(
          "no agent: pass --agent-id, set DIA_AGENT_ID, or give --config-file to find the agent by display name"));
      GeminiEnterpriseClient client = new GeminiEnterpriseClient(new GeminiHttp(settings), env);
      id = client.findByDisplayName(c.displayName()).stream().map(AgentSummary::id).findFirst();
      if (id.isEmpty()) {
        throw new InputException("no agent named '" + c.displayName() + "' in engine " + settings.engineId()
            + "; run 'dia-harness deploy --config-file …' first, or pass --agent-id");
      }
    }
    return new AgentConnection(Optional.empty(), settings, env, id.get(), gate);
  }

  String agentId() {
    return agentId;
  }

  boolean isEmbedded() {
    return emulator.isPresent();
  }

  Optional<EmbeddedEmulator> emulator() {
    return emulator;
  }

  AgentDeployer deployer() {
    return new GeminiEnterpriseClient(new GeminiHttp(settings), env);
  }

  /** The deployer with every HTTP attempt through {@code callGate} (the agent pool's, through the run's). */
  AgentDeployer deployer(CallGate callGate) {
    return new GeminiEnterpriseClient(new GeminiHttp(settings, RetryListener.NONE, Clock.systemUTC(), callGate), env);
  }

  /** The agent, with every HTTP attempt through the run's gate. */
  Agent agent(SqlFollowup followup) {
    return agent(followup, agentId);
  }

  /** Another agent of the same engine (a pool agent), with every HTTP attempt through the run's gate. */
  Agent agent(SqlFollowup followup, String otherAgentId) {
    GeminiHttp http = new GeminiHttp(settings.withAgentId(otherAgentId), RetryListener.NONE, Clock.systemUTC(), gate);
    return new GeminiAgent(http, followup, keepRaw ? KEPT_RAW_CAP : StreamAssistParser.DEFAULT_RAW_CAP, sessions);
  }

  /** The sessions this connection's conversations created so far. */
  SessionLedger sessions() {
    return sessions;
  }

  /** Deletes the run's sessions (unless {@code --keep-sessions}), or stops the embedded emulator. */
  @Override
  public void close() {
    try {
      if (!keepSessions && emulator.isEmpty()) { // an embedded emulator's sessions go with it, just below
        sessions.deleteAll(new GeminiHttp(settings.withAgentId(agentId)));
      }
    } finally {
      emulator.ifPresent(EmbeddedEmulator::close);
    }
  }
}
