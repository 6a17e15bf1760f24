package dev.diaharness.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.agent.gemini.AgentResource;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.core.Json;
import dev.diaharness.emulator.HttpJson.ApiError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's agents and deploy operations, in memory. An agent is created CONFIGURED, becomes DEPLOYING on
 * {@code :deploy} and ENABLED when its operation completes, {@code deployDelay} later (checked lazily on every read,
 * so no timer thread is needed); a delete removes it at once. Each agent keeps its current {@link AgentConfig}, which a PATCH replaces at once.
 * Thread-safe: every change of one agent is an atomic replace in a concurrent map.
 */
final class AgentStore {
  static final String CONFIGURED = "CONFIGURED";
  static final String DEPLOYING = "DEPLOYING";
  static final String ENABLED = "ENABLED";
  static final String DEPLOYMENT_FAILED = "DEPLOYMENT_FAILED";
  static final String FAILURE_REASON = "The BigQuery dataset of the agent could not be reached (emulated fault).";

  /** One agent as stored. Immutable; a change stores a new copy. */
  record StoredAgent(String id, String name, AgentConfig config, String bqProjectId, String bqDatasetId,
      Optional<String> authorization, String state, Instant createTime) {
    StoredAgent with(AgentConfig newConfig, String newState) {
      return new StoredAgent(id, name, newConfig, bqProjectId, bqDatasetId, authorization, newState, createTime);
    }

    ObjectNode toJson() {
      ObjectNode json = AgentResource.toResource(config, bqProjectId, bqDatasetId, authorization);
      ObjectNode out = json.objectNode();
      out.put("name", name);
      out.setAll(json);
      out.put("state", state);
      if (DEPLOYMENT_FAILED.equals(state)) {
        out.put("deploymentFailureReason", FAILURE_REASON);
      }
      out.put("createTime", createTime.toString());
      return out;
    }
  }

  /** A deploy operation: done once the clock passes {@code doneAt}; {@code fault} is how it ends. */
  record Operation(String name, String agentId, Instant doneAt, DeployFault fault) {}

  private final String assistant;
  private final Clock clock;
  private final Duration deployDelay;
  private final DeployFault deployFault;
  private final ConcurrentSkipListMap<Long, StoredAgent> agents = new ConcurrentSkipListMap<>();
  private final Map<String, Operation> operations = new ConcurrentHashMap<>();
  /** the latest deploy operation of each agent: the one that settles its state */
  private final Map<String, Operation> latestDeploy = new ConcurrentHashMap<>();
  /** display names whose every deploy fails ({@link #failDeploysOf}), even of an ENABLED agent */
  private final Set<String> failingDeploys = ConcurrentHashMap.newKeySet();
  /** agents patched since their last deploy, when a patch needs a deploy ({@link #redeployAfterPatch}) */
  private final Set<String> patchedSinceDeploy = ConcurrentHashMap.newKeySet();
  private volatile boolean redeployAfterPatch;
  /** Finished delete operations by name: their agent is gone, so they are kept as the JSON a poll returns. */
  private final Map<String, ObjectNode> deletions = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1_000_000_000_000_000_001L);
  private final AtomicLong nextOperation = new AtomicLong(1);

  AgentStore(String assistant, Clock clock, Duration deployDelay) {
    this(assistant, clock, deployDelay, DeployFault.NONE);
  }

  AgentStore(String assistant, Clock clock, Duration deployDelay, DeployFault deployFault) {
    this.assistant = assistant;
    this.clock = clock;
    this.deployDelay = deployDelay;
    this.deployFault = deployFault;
  }

  /**
   * From now on, every deploy of an agent named {@code displayName} ends DEPLOYMENT_FAILED — also the deploy of an
   * ENABLED agent, which otherwise is the "already ENABLED" 400 (tests of one failing agent among several).
   */
  void failDeploysOf(String displayName) {
    failingDeploys.add(displayName);
  }

  /**
   * When on, a PATCH that changes an ENABLED agent's config makes its next {@code :deploy} a real one that takes
   * the deploy delay (instead of the "already ENABLED" 400), so a benchmark sees what a redeploy costs.
   */
  void redeployAfterPatch(boolean value) {
    this.redeployAfterPatch = value;
  }

  StoredAgent create(AgentConfig config, String bqProjectId, String bqDatasetId, Optional<String> auth,
      String state) {
    long id = nextId.getAndIncrement();
    String name = assistant + "/agents/" + id;
    StoredAgent agent =
        new StoredAgent(Long.toString(id), name, config, bqProjectId, bqDatasetId, auth, state, clock.instant());
    agents.put(id, agent);
    return agent;
  }

  /** The agent with this id, after completing any deploy that is due. */
  StoredAgent get(String id) {
    Long key = parse(id);
    StoredAgent agent = key == null ? null : agents.get(key);
    if (agent == null) {
      throw ApiError.notFound("Agent " + assistant + "/agents/" + id + " not found.");
    }
    return settle(agent);
  }

  /** One page of agents in id order, and the token of the next page when there is one. */
  record Page(List<StoredAgent> agents, Optional<String> nextPageToken) {}

  Page list(int pageSize, String pageToken) {
    return list(pageSize, pageToken, agent -> true);
  }

  /** One page of the agents that {@code keep} accepts ({@code agents.list} with a filter). */
  Page list(int pageSize, String pageToken, java.util.function.Predicate<StoredAgent> keep) {
    long after = 0;
    if (!pageToken.isEmpty()) {
      Long parsed = parse(pageToken);
      if (parsed == null) {
        throw ApiError.invalid("Invalid page token: " + pageToken);
      }
      after = parsed;
    }
    List<StoredAgent> page = new ArrayList<>();
    for (StoredAgent a : agents.tailMap(after, false).values()) {
      if (!keep.test(a)) {
        continue;
      }
      if (page.size() == pageSize) {
        return new Page(page, Optional.of(page.get(page.size() - 1).id()));
      }
      page.add(settle(a));
    }
    return new Page(page, Optional.empty());
  }

  /** Replaces the config of an agent; its state does not change (the real service applies a PATCH at once). */
  StoredAgent update(String id, AgentConfig config) {
    StoredAgent current = get(id);
    if (redeployAfterPatch && !current.config().equals(config)) {
      patchedSinceDeploy.add(current.id());
    }
    return agents.compute(Long.parseLong(current.id()), (k, a) -> a.with(config, a.state()));
  }

  /** Starts a deploy and returns its operation; deploying an ENABLED agent is the real service's 400. */
  Operation deploy(String id) {
    StoredAgent agent = get(id);
    boolean failing = failingDeploys.contains(agent.config().displayName());
    boolean patched = patchedSinceDeploy.remove(agent.id());
    if (ENABLED.equals(agent.state()) && !failing && !patched) {
      throw ApiError.precondition("Invalid agent state for deploy: ENABLED");
    }
    String name = agent.name() + "/operations/deploy-" + nextOperation.getAndIncrement();
    Operation op = new Operation(name, agent.id(), clock.instant().plus(deployDelay),
        failing ? DeployFault.DEPLOYMENT_FAILED : deployFault);
    operations.put(name, op);
    latestDeploy.put(agent.id(), op);
    agents.computeIfPresent(Long.parseLong(agent.id()), (k, a) -> a.with(a.config(), DEPLOYING));
    return op;
  }

  /**
   * Deletes the agent ({@code agents.delete}) and returns its operation, done at once with an empty response: the
   * agent is gone from list and get as soon as the call returns. An unknown agent is a 404.
   */
  ObjectNode delete(String id) {
    StoredAgent agent = get(id);
    if (agents.remove(Long.parseLong(agent.id())) == null) {
      throw ApiError.notFound("Agent " + agent.name() + " not found."); // a concurrent delete won
    }
    operations.values().removeIf(op -> op.agentId().equals(agent.id()));
    ObjectNode op = Json.MAPPER.createObjectNode();
    op.put("name", agent.name() + "/operations/delete-" + nextOperation.getAndIncrement());
    op.put("done", true);
    op.putObject("response").put("@type", "type.googleapis.com/google.protobuf.Empty");
    deletions.put(op.path("name").asText(), op);
    return op;
  }

  /** The JSON of an operation: {@code done} once due, with the deployed agent as its response. */
  ObjectNode operation(String name) {
    ObjectNode deletion = deletions.get(name);
    if (deletion != null) {
      return deletion.deepCopy();
    }
    Operation op = operations.get(name);
    if (op == null) {
      throw ApiError.notFound("Operation " + name + " not found.");
    }
    StoredAgent agent = get(op.agentId());
    ObjectNode json = agent.toJson().objectNode();
    json.put("name", op.name());
    boolean done = !clock.instant().isBefore(op.doneAt());
    json.put("done", done);
    if (done && op.fault() != DeployFault.NONE) {
      ObjectNode error = json.putObject("error");
      boolean failed = op.fault() == DeployFault.DEPLOYMENT_FAILED;
      error.put("code", failed ? 9 : 13); // FAILED_PRECONDITION, INTERNAL
      error.put("message", failed ? FAILURE_REASON : "Internal error while deploying the agent (emulated fault).");
      error.putArray("details").addObject().put("@type", "type.googleapis.com/google.rpc.ErrorInfo")
          .put("reason", failed ? "DEPLOYMENT_FAILED" : "INTERNAL").put("domain", "discoveryengine.googleapis.com");
    } else if (done) {
      JsonNode response = agent.toJson();
      json.set("response", response);
    }
    return json;
  }

  private StoredAgent settle(StoredAgent agent) {
    if (!DEPLOYING.equals(agent.state())) {
      return agent;
    }
    Operation op = latestDeploy.get(agent.id());
    if (op == null || clock.instant().isBefore(op.doneAt())) {
      return agent;
    }
    String settled = op.fault() == DeployFault.DEPLOYMENT_FAILED ? DEPLOYMENT_FAILED
        : op.fault() == DeployFault.OPERATION_ERROR ? CONFIGURED : ENABLED;
    return agents.compute(Long.parseLong(agent.id()),
        (k, a) -> DEPLOYING.equals(a.state()) ? a.with(a.config(), settled) : a);
  }

  private static Long parse(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
