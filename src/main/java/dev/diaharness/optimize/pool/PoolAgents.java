package dev.diaharness.optimize.pool;

import dev.diaharness.agent.AgentDeployer;
import dev.diaharness.agent.AgentSummary;
import dev.diaharness.agent.PoolNames;
import dev.diaharness.config.AgentConfig;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the pool agents of a run's agent by display name, and makes one ready to screen: an existing one is reused
 * (deployed again only when it is not ENABLED), a missing one is created from the run agent's config and deployed.
 * The display name is the only link between a run and its pool, so a later or resumed run reuses the same agents
 * and never creates a second one of a name. Thread-safe (the deployer is).
 */
final class PoolAgents {
  private final AgentDeployer deployer;
  private final String mainAgentId;
  private volatile AgentConfig base;

  /** @param mainAgentId the run's agent: its display name names the pool, its config is the new agents' */
  PoolAgents(AgentDeployer deployer, String mainAgentId) {
    this.deployer = deployer;
    this.mainAgentId = mainAgentId;
  }

  /** The run agent's display name (read by {@link #existing}). */
  String baseDisplayName() {
    return base.displayName();
  }

  /**
   * Reads the run's agent, then lists the existing pool agents by index 1 … {@code size − 1}; of two agents of one
   * name, the oldest (lowest id).
   */
  Map<Integer, AgentSummary> existing(int size) {
    base = deployer.get(mainAgentId);
    Map<Integer, AgentSummary> found = new HashMap<>();
    List<AgentSummary> agents = deployer.list().stream()
        .sorted(Comparator.comparing((AgentSummary a) -> a.id().length()).thenComparing(AgentSummary::id)).toList();
    for (int k = 1; k < size; k++) {
      String name = PoolNames.of(base.displayName(), k);
      Optional<AgentSummary> agent = agents.stream().filter(a -> a.displayName().equals(name)).findFirst();
      if (agent.isPresent()) {
        found.put(k, agent.get());
      }
    }
    return found;
  }

  /**
   * Makes pool agent {@code index} ready to screen and returns its id.
   *
   * @param existing the agent of that name, when there is one
   * @throws RuntimeException when it cannot be created or deployed
   */
  String ready(int index, Optional<AgentSummary> existing) {
    if (existing.isPresent()) {
      if (!existing.get().isDeployed()) {
        deployer.deploy(existing.get().id());
      }
      return existing.get().id();
    }
    String id = deployer.create(poolConfig(index));
    deployer.deploy(id);
    return id;
  }

  /** The run agent's config under the pool agent's display name, with a description saying what it is. */
  private AgentConfig poolConfig(int index) {
    String name = PoolNames.of(base.displayName(), index);
    String description = "Screens optimizer candidates for \"" + base.displayName() + "\" (dia-harness optimize "
        + "--agent-pool); safe to delete with 'dia-harness agents prune'.";
    return new AgentConfig(base.name(), name, description, base.iconUri(), base.toolDescription(),
        base.nl2sqlPrompt(), base.schemaDescription(), base.nl2sqlExamples(), base.nl2pyPrompt(),
        base.allowedTables(), base.blockedTables(), base.bqProjectId(), base.bqDatasetId(), base.localData());
  }
}
