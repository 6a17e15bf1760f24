package dev.diaharness.agent.gemini;

import dev.diaharness.config.VariableExpander;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.agent.AgentDeployer;
import dev.diaharness.agent.AgentSummary;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Gemini Enterprise adapter of {@link AgentDeployer} (SPEC §3.1, REST v1alpha): list (every page), create,
 * deploy with a bounded operation wait, get, patch, delete, and the server-side OAuth authorization resource. The
 * same code talks to the emulator when {@code DIA_ENDPOINT} points at it. Thread-safe.
 */
public final class GeminiEnterpriseClient implements AgentDeployer {
  static final String TOKEN_URI = "https://oauth2.googleapis.com/token";
  private static final int PAGE_SIZE = 100;
  private static final int MAX_PAGES = 10_000;

  private final GeminiHttp http;
  private final GeminiSettings settings;
  private final Function<String, Optional<String>> env;
  private final OperationWaiter operations;

  /**
   * @param env variables for {@code ${VAR}} in {@code bq_project_id}/{@code bq_dataset_id} and their fallbacks
   */
  public GeminiEnterpriseClient(GeminiHttp http, Function<String, Optional<String>> env) {
    this.http = http;
    this.settings = http.settings();
    this.env = env;
    this.operations = new OperationWaiter(http);
  }

  public GeminiSettings settings() {
    return settings;
  }

  @Override
  public List<AgentSummary> list() {
    return guard(() -> listPages(""));
  }

  /**
   * The agents with this display name: {@code agents.list} with {@code filter=display_name="…"}, falling back to
   * paging through every agent when the service refuses the filter (a 400). Only exact matches are returned.
   */
  public List<AgentSummary> findByDisplayName(String displayName) {
    String filter = "display_name=\"" + displayName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    List<AgentSummary> found;
    try {
      found = guard(() -> listPages("&filter=" + encode(filter)));
    } catch (FilterRefused e) {
      found = list();
    }
    return found.stream().filter(a -> a.displayName().equals(displayName)).toList();
  }

  /** A 400 to a filtered list: the service does not take the filter (then every page is read instead). */
  private static final class FilterRefused extends RuntimeException {
    FilterRefused() {
      super("agents.list refused the filter", null, false, false);
    }
  }

  private List<AgentSummary> listPages(String filterQuery) {
    List<AgentSummary> agents = new ArrayList<>();
    Set<String> seenTokens = new HashSet<>();
    String token = "";
    for (int page = 0; page < MAX_PAGES; page++) {
      boolean[] refused = new boolean[1];
      JsonNode body = http.call("GET", settings.assistantPath() + "/agents?pageSize=" + PAGE_SIZE + filterQuery
          + (token.isEmpty() ? "" : "&pageToken=" + encode(token)), null,
          (status, text) -> refused[0] = !filterQuery.isEmpty() && status == 400);
      if (refused[0]) {
        throw new FilterRefused();
      }
      for (JsonNode agent : body.path("agents")) {
        agents.add(summary(agent));
      }
      token = body.path("nextPageToken").asText("");
      if (token.isEmpty() || !seenTokens.add(token)) { // a repeated token would loop forever
        return agents;
      }
    }
    return agents;
  }

  /** One small call that proves the engine answers ({@code agents.list} with {@code pageSize=1}). */
  public void ping() {
    guard(() -> http.get(settings.assistantPath() + "/agents?pageSize=1"));
  }

  /** The authorization resources attached to the agent ({@code authorizationConfig.toolAuthorizations}). */
  public List<String> attachedAuthorizations(String agentId) {
    JsonNode agent = guard(() -> notFoundIsInput(agentId, () -> http.get(settings.agentPath(agentId))));
    List<String> names = new ArrayList<>();
    agent.path("authorizationConfig").path("toolAuthorizations").forEach(a -> names.add(a.asText()));
    return names;
  }

  /** The agent of {@code id} as listed, with its state and failure reason. */
  public AgentSummary summary(String agentId) {
    return summary(guard(() -> notFoundIsInput(agentId, () -> http.get(settings.agentPath(agentId)))));
  }

  /**
   * A listed agent. The failure reason of a {@code *_FAILED} state is read from any field whose name ends in
   * {@code FailureReason} (or {@code failureReason}): the public document does not name it.
   */
  static AgentSummary summary(JsonNode agent) {
    String reason = "";
    for (var fields = agent.fields(); fields.hasNext(); ) {
      var field = fields.next();
      if (field.getKey().toLowerCase(java.util.Locale.ROOT).endsWith("failurereason")) {
        JsonNode value = field.getValue();
        reason = value.isTextual() ? value.asText() : value.toString();
      }
    }
    return new AgentSummary(AgentResource.idOf(agent.path("name").asText("")), agent.path("displayName").asText(""),
        agent.path("state").asText(""), reason);
  }

  @Override
  public String create(AgentConfig config) {
    return create(config, Optional.empty());
  }

  /**
   * Creates the agent with the authorization resource {@code authorizationName} attached.
   *
   * @return the new agent's numeric id
   * @throws InputException when a {@code ${VAR}} of the config is unset or the service rejects the config
   */
  public String create(AgentConfig config, Optional<String> authorizationName) {
    ObjectNode body = createBody(config, authorizationName);
    return guard(() -> createAgent(config, body));
  }

  /**
   * The {@code agents.create} body, its Required fields checked before any call: {@code displayName} and
   * {@code description} (derived from the display name when the config has none), and the BigQuery ids.
   *
   * @throws InputException naming the empty field, or an unset {@code ${VAR}}
   */
  public ObjectNode createBody(AgentConfig config, Optional<String> authorizationName) {
    VariableExpander bq = new VariableExpander(env);
    String project = bq.bqProjectId(config);
    String dataset = bq.bqDatasetId(config);
    RequiredFields.check("agents.create", "display_name", config.displayName());
    RequiredFields.check("agents.create", "bq_project_id (or BQ_PROJECT_ID)", project);
    RequiredFields.check("agents.create", "bq_dataset_id (or BQ_DATASET_ID)", dataset);
    ObjectNode body = AgentResource.toResource(config, project, dataset, authorizationName);
    RequiredFields.check("agents.create", "description", body.path("description").asText(""));
    return body;
  }

  private String createAgent(AgentConfig config, ObjectNode body) {
    JsonNode created = http.call("POST", settings.assistantPath() + "/agents", body);
    if (OperationWaiter.isPendingOperation(created)) {
      created = operations.await(created.path("name").asText(), "creation of agent '" + config.displayName() + "'",
          () -> false).path("response");
    }
    String name = created.path("name").asText("");
    if (!name.contains("/agents/")) {
      throw new GeminiApiException("creating agent '" + config.displayName() + "' returned no agent name");
    }
    return AgentResource.idOf(name);
  }

  /** Deploys the agent and waits for it; a 400 saying it is already ENABLED counts as success. */
  @Override
  public void deploy(String agentId) {
    guard(() -> {
      deployAndWait(agentId);
      return null;
    });
  }

  private void deployAndWait(String agentId) {
    String agent = settings.agentPath(agentId);
    ObjectNode body = Json.MAPPER.createObjectNode().put("name", agent);
    JsonNode op = notFoundIsInput(agentId, () -> http.call("POST", agent + ":deploy", body,
        (status, text) -> status == 400 && text.contains("ENABLED")));
    if (OperationWaiter.isPendingOperation(op)) {
      operations.await(op.path("name").asText(), "deploy of agent " + agentId, () -> isDeployed(agentId));
    }
  }

  /**
   * True when the agent's state is ENABLED.
   *
   * @throws GeminiApiException when it is CREATION_FAILED or DEPLOYMENT_FAILED, with the reason
   */
  public boolean isDeployed(String agentId) {
    AgentSummary agent = summary(guard(() -> http.get(settings.agentPath(agentId))));
    if (agent.isFailed()) {
      throw new GeminiApiException("agent " + agentId + " is " + agent.describeState());
    }
    return agent.isDeployed();
  }

  @Override
  public AgentConfig get(String agentId) {
    JsonNode agent = guard(() -> notFoundIsInput(agentId, () -> http.get(settings.agentPath(agentId))));
    return AgentResource.fromResource(agent);
  }

  /**
   * Patches the agent to {@code config}: the whole nlQueryConfig always (an omitted sub-field would be cleared), the
   * tool description and the allowlist only when they differ from the agent's current ones.
   */
  @Override
  public void update(String agentId, AgentConfig config) {
    AgentConfig current = get(agentId);
    ObjectNode patch = Json.MAPPER.createObjectNode();
    ObjectNode definition = patch.putObject("managedAgentDefinition");
    ObjectNode science = definition.putObject("dataScienceAgentConfig");
    science.set("nlQueryConfig", AgentResource.nlQueryConfig(config));
    List<String> mask = new ArrayList<>(List.of(AgentResource.NL_QUERY_CONFIG_MASK));
    if (!config.toolDescription().equals(current.toolDescription())) {
      definition.putObject("toolSettings").put("toolDescription", config.toolDescription());
      mask.add(AgentResource.TOOL_DESCRIPTION_MASK);
    }
    if (!config.allowedTables().equals(current.allowedTables())) {
      config.allowedTables().forEach(science.putArray("allowlistTables")::add);
      mask.add(AgentResource.ALLOWLIST_MASK);
    }
    String path = settings.agentPath(agentId) + "?updateMask=" + encode(String.join(",", mask));
    guard(() -> {
      JsonNode result = http.call("PATCH", path, patch);
      return OperationWaiter.isPendingOperation(result)
          ? operations.await(result.path("name").asText(), "update of agent " + agentId, () -> false)
          : result;
    });
  }

  /**
   * {@code agents.delete}: {@code DELETE {agent}}, which answers with an operation; a pending one is waited for
   * (bounded, as a deploy). A 404 means the agent is gone already.
   */
  @Override
  public boolean delete(String agentId) {
    return guard(() -> {
      JsonNode op;
      try {
        op = http.call("DELETE", settings.agentPath(agentId), null);
      } catch (ApiFailure.NotFound e) {
        return false;
      }
      if (op.hasNonNull("error")) {
        throw new GeminiApiException("deletion of agent " + agentId + " failed: "
            + OperationWaiter.describe(op.get("error")));
      }
      if (OperationWaiter.isPendingOperation(op)) {
        operations.await(op.path("name").asText(), "deletion of agent " + agentId, () -> isGone(agentId));
      }
      return true;
    });
  }

  /** True when {@code agents.get} of the agent is a 404. */
  private boolean isGone(String agentId) {
    try {
      http.get(settings.agentPath(agentId));
      return false;
    } catch (ApiFailure.NotFound e) {
      return true;
    }
  }

  /** The authorization resource of this engine's agents ({@link Authorizations}). */
  public Authorizations authorizations() {
    return new Authorizations(http);
  }

  /** The Google consent URL for BigQuery access through the Gemini Enterprise OAuth redirect. */
  static String consentUri(String clientId) {
    return "https://accounts.google.com/o/oauth2/v2/auth?client_id=" + encode(clientId)
        + "&redirect_uri=" + encode("https://vertexaisearch.cloud.google.com/static/oauth/oauth.html")
        + "&scope=" + encode("https://www.googleapis.com/auth/bigquery")
        + "&include_granted_scopes=true&response_type=code&access_type=offline&prompt=consent";
  }

  private <T> T notFoundIsInput(String agentId, Supplier<T> call) {
    try {
      return call.get();
    } catch (ApiFailure.NotFound e) {
      String known = list().stream().map(a -> a.id() + " (" + a.displayName() + ")")
          .collect(Collectors.joining(", "));
      throw new InputException("agent " + agentId + " not found in engine " + settings.engineId()
          + "; agents that exist: " + (known.isEmpty() ? "none" : known));
    }
  }

  /**
   * Maps transport failures to what the user sees: after retries, a 400 still standing is the service rejecting
   * what we sent (bad input, with its message), a 404 a wrong project, location or engine.
   */
  private static <T> T guard(Supplier<T> call) {
    try {
      return call.get();
    } catch (ApiFailure.NotFound e) {
      throw new InputException(e.getMessage() + " (check GOOGLE_CLOUD_PROJECT, DIA_LOCATION and DIA_ENGINE_ID)");
    } catch (ApiFailure.Retryable e) {
      if (e.status == 400) {
        throw new InputException(e.getMessage());
      }
      throw new GeminiApiException(e.getMessage() + " (gave up after retries)", e);
    } catch (ApiFailure.FailedPrecondition e) {
      throw new InputException(e.getMessage());
    } catch (ApiFailure.Timeout | ApiFailure.Transport e) {
      throw new GeminiApiException(e.getMessage(), e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
