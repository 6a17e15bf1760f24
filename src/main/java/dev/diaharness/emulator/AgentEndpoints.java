package dev.diaharness.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.diaharness.agent.gemini.AgentResource;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.core.Json;
import dev.diaharness.emulator.HttpJson.ApiError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent administration endpoints of the emulator: list (paginated), create, get, patch (with
 * {@code updateMask}), deploy, delete, and their operations. Payloads are mapped with {@link AgentResource}, the same
 * mapping the REST client uses. Thread-safe (state lives in {@link AgentStore}).
 */
final class AgentEndpoints {
  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 100;

  private static final Pattern DISPLAY_NAME_FILTER =
      Pattern.compile("(?:display_name|displayName)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final AgentStore store;

  AgentEndpoints(AgentStore store) {
    this.store = store;
  }

  void list(HttpExchange exchange) throws IOException {
    Map<String, String> query = HttpJson.query(exchange);
    int pageSize = pageSize(query.getOrDefault("pageSize", ""));
    Optional<String> displayName = displayNameFilter(query.getOrDefault("filter", ""));
    AgentStore.Page page = store.list(pageSize, query.getOrDefault("pageToken", ""),
        agent -> displayName.map(agent.config().displayName()::equals).orElse(true));
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode agents = body.putArray("agents");
    page.agents().forEach(a -> agents.add(a.toJson()));
    page.nextPageToken().ifPresent(t -> body.put("nextPageToken", t));
    HttpJson.send(exchange, 200, body);
  }

  /** {@code agents.create}: {@code displayName} and {@code description} are Required (Google's 400 shape). */
  void create(HttpExchange exchange) throws IOException {
    JsonNode body = HttpJson.readBody(exchange);
    List<String> missing = new ArrayList<>();
    for (String field : List.of("displayName", "description")) {
      if (body.path(field).asText("").isBlank()) {
        missing.add("agent." + field);
      }
    }
    if (!missing.isEmpty()) {
      throw ApiError.requiredFields(missing);
    }
    AgentConfig config = AgentResource.fromResource(body);
    JsonNode science = body.path("managedAgentDefinition").path("dataScienceAgentConfig");
    Optional<String> auth = Optional.ofNullable(
        body.path("authorizationConfig").path("toolAuthorizations").path(0).textValue());
    AgentStore.StoredAgent agent = store.create(config, science.path("bqProjectId").asText(""),
        science.path("bqDatasetId").asText(""), auth, AgentStore.CONFIGURED);
    HttpJson.send(exchange, 200, agent.toJson());
  }

  void get(HttpExchange exchange, String id) throws IOException {
    HttpJson.send(exchange, 200, store.get(id).toJson());
  }

  /** PATCH: only the fields named in {@code updateMask} change; nlQueryConfig is replaced as a whole. */
  void patch(HttpExchange exchange, String id) throws IOException {
    String mask = HttpJson.query(exchange).getOrDefault("updateMask", "");
    if (mask.isBlank()) {
      throw ApiError.invalid("updateMask is required.");
    }
    JsonNode body = HttpJson.readBody(exchange);
    AgentConfig patch = AgentResource.fromResource(body);
    AgentConfig config = store.get(id).config();
    for (String field : mask.split(",")) {
      config = apply(field.strip(), config, patch, body);
    }
    HttpJson.send(exchange, 200, store.update(id, config).toJson());
  }

  void deploy(HttpExchange exchange, String id) throws IOException {
    HttpJson.readBody(exchange);
    AgentStore.Operation op = store.deploy(id);
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("name", op.name());
    body.put("done", false);
    HttpJson.send(exchange, 200, body);
  }

  /** {@code agents.delete}: the body must be empty; answers with the (finished) delete operation. */
  void delete(HttpExchange exchange, String id) throws IOException {
    HttpJson.readBody(exchange);
    HttpJson.send(exchange, 200, store.delete(id));
  }

  void operation(HttpExchange exchange, String name) throws IOException {
    HttpJson.send(exchange, 200, store.operation(name));
  }

  private static AgentConfig apply(String field, AgentConfig config, AgentConfig patch, JsonNode body) {
    if (field.equals(AgentResource.NL_QUERY_CONFIG_MASK)) {
      return config.withNl2sqlPrompt(patch.nl2sqlPrompt()).withSchemaDescription(patch.schemaDescription())
          .withNl2sqlExamples(patch.nl2sqlExamples()).withNl2pyPrompt(patch.nl2pyPrompt());
    }
    if (field.equals(AgentResource.TOOL_DESCRIPTION_MASK)) {
      return config.withToolDescription(patch.toolDescription());
    }
    if (field.equals(AgentResource.ALLOWLIST_MASK)) {
      return config.withAllowedTables(patch.allowedTables());
    }
    if (field.equals("displayName") || field.equals("description")) {
      return new AgentConfig(config.name(),
          field.equals("displayName") ? body.path("displayName").asText("") : config.displayName(),
          field.equals("description") ? body.path("description").asText("") : config.description(),
          config.iconUri(), config.toolDescription(), config.nl2sqlPrompt(), config.schemaDescription(),
          config.nl2sqlExamples(), config.nl2pyPrompt(), config.allowedTables(), config.blockedTables(),
          config.bqProjectId(), config.bqDatasetId(), config.localData());
    }
    throw ApiError.invalid("Invalid update mask path: " + field);
  }

  /**
   * The display name of {@code display_name="…"} (the one filter the emulator knows, as the real service documents
   * it); empty for no filter; any other filter is a 400.
   */
  static Optional<String> displayNameFilter(String filter) {
    if (filter.isBlank()) {
      return Optional.empty();
    }
    Matcher m = DISPLAY_NAME_FILTER.matcher(filter.strip());
    if (!m.matches()) {
      throw ApiError.invalid("Unsupported filter: " + filter + " (expected display_name=\"…\")");
    }
    return Optional.of(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
  }

  private static int pageSize(String text) {
    if (text.isEmpty()) {
      return DEFAULT_PAGE_SIZE;
    }
    try {
      int size = Integer.parseInt(text);
      if (size < 0) {
        throw ApiError.invalid("pageSize must not be negative.");
      }
      return size == 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
    } catch (NumberFormatException e) {
      throw ApiError.invalid("Invalid value for pageSize: " + text);
    }
  }
}
