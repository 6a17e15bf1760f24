package dev.diaharness.agent;

import dev.diaharness.config.AgentConfig;
import java.util.List;

/**
 * The port that manages agents of an engine (SPEC §3.1): the same code path for Gemini Enterprise and the emulator.
 * Implementations are thread-safe. Every call has timeouts; none waits forever.
 */
public interface AgentDeployer {
  /** All agents, following every page. */
  List<AgentSummary> list();

  /** Creates an agent from the config (placeholders expanded) and returns its numeric id. */
  String create(AgentConfig config);

  /** Deploys the agent and waits (bounded) for the long-running operation; "already ENABLED" counts as done. */
  void deploy(String agentId);

  /** The agent's current config, mapped back to the config-file format. */
  AgentConfig get(String agentId);

  /** Patches the agent to {@code config}: nlQueryConfig whole, plus tool description and tables when changed. */
  void update(String agentId, AgentConfig config);

  /**
   * Deletes the agent and waits (bounded) for the deletion to finish.
   *
   * @return true when it was deleted, false when the engine has no such agent (already deleted, for example by a
   *     concurrent {@code agents prune})
   */
  boolean delete(String agentId);
}
