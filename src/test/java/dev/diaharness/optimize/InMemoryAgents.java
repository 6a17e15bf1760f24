package dev.diaharness.optimize;

import dev.diaharness.agent.AgentDeployer;
import dev.diaharness.agent.AgentSummary;
import dev.diaharness.config.AgentConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small, real in-memory implementation of the deployer port for loop tests; it can be told to fail. */
final class InMemoryAgents implements AgentDeployer {
  final Map<String, AgentConfig> agents = new LinkedHashMap<>();
  final List<String> calls = new ArrayList<>();
  int failUpdatesFromCall = Integer.MAX_VALUE;
  private int nextId = 1;

  @Override
  public synchronized List<AgentSummary> list() {
    return agents.entrySet().stream().map(e -> new AgentSummary(e.getKey(), e.getValue().displayName(), "ENABLED"))
        .toList();
  }

  @Override
  public synchronized String create(AgentConfig config) {
    String id = Integer.toString(nextId++); // never a deleted agent's id again
    agents.put(id, config);
    return id;
  }

  @Override
  public synchronized void deploy(String agentId) {
    calls.add("deploy " + agentId);
  }

  @Override
  public synchronized AgentConfig get(String agentId) {
    return agents.get(agentId);
  }

  @Override
  public synchronized void update(String agentId, AgentConfig config) {
    calls.add("update " + agentId);
    if (calls.stream().filter(c -> c.startsWith("update")).count() >= failUpdatesFromCall) {
      throw new IllegalStateException("service unavailable");
    }
    agents.put(agentId, config);
  }

  @Override
  public synchronized boolean delete(String agentId) {
    calls.add("delete " + agentId);
    return agents.remove(agentId) != null;
  }
}
