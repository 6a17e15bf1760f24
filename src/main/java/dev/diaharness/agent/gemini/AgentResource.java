package dev.diaharness.agent.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.NlExample;
import dev.diaharness.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps an {@link AgentConfig} to the Gemini Enterprise Agent resource (REST JSON, camelCase) and back (SPEC §3.1).
 * Shared by the REST client and the emulator so both speak exactly the same payloads. Stateless.
 */
public final class AgentResource {
  /** update mask of the whole nlQueryConfig: every sub-field is sent, an omitted one would be cleared */
  public static final String NL_QUERY_CONFIG_MASK = "managedAgentDefinition.dataScienceAgentConfig.nlQueryConfig";
  public static final String TOOL_DESCRIPTION_MASK = "managedAgentDefinition.toolSettings.toolDescription";
  public static final String ALLOWLIST_MASK = "managedAgentDefinition.dataScienceAgentConfig.allowlistTables";

  private AgentResource() {}

  /**
   * The body of a create call. {@code bqProjectId}/{@code bqDatasetId} must already be expanded (no {@code ${VAR}}).
   *
   * @param authorizationName the OAuth authorization resource to attach, if any
   */
  public static ObjectNode toResource(
      AgentConfig config, String bqProjectId, String bqDatasetId, Optional<String> authorizationName) {
    ObjectNode agent = Json.MAPPER.createObjectNode();
    agent.put("displayName", config.displayName());
    agent.put("description", description(config));
    if (!config.iconUri().isBlank()) {
      agent.putObject("icon").put("uri", config.iconUri());
    }
    ObjectNode definition = agent.putObject("managedAgentDefinition");
    definition.putObject("toolSettings").put("toolDescription", config.toolDescription());
    ObjectNode science = definition.putObject("dataScienceAgentConfig");
    science.put("bqProjectId", bqProjectId);
    science.put("bqDatasetId", bqDatasetId);
    if (!config.allowedTables().isEmpty()) {
      ArrayNode tables = science.putArray("allowlistTables");
      config.allowedTables().forEach(tables::add);
    }
    science.set("nlQueryConfig", nlQueryConfig(config));
    authorizationName.ifPresent(
        auth -> agent.putObject("authorizationConfig").putArray("toolAuthorizations").add(auth));
    return agent;
  }

  /**
   * The agent's description: the config's, else one derived from the display name, since {@code agents.create}
   * requires a non-empty description.
   */
  public static String description(AgentConfig config) {
    return config.description().isBlank()
        ? "Data agent \"" + config.displayName() + "\", deployed by dia-harness"
        : config.description();
  }

  /** The whole nlQueryConfig of a config, every sub-field present (for the PATCH that replaces it). */
  public static ObjectNode nlQueryConfig(AgentConfig config) {
    ObjectNode nl = Json.MAPPER.createObjectNode();
    nl.put("nl2sqlPrompt", config.nl2sqlPrompt());
    nl.put("schemaDescription", config.schemaDescription());
    nl.put("nl2pyPrompt", config.nl2pyPrompt());
    ArrayNode examples = nl.putArray("nl2sqlExamples");
    for (NlExample e : config.nl2sqlExamples()) {
      examples.addObject()
          .put("query", e.query())
          .put("expectedSql", e.expectedSql())
          .put("expectedResponse", e.expectedResponse());
    }
    return nl;
  }

  /**
   * The config-file view of an agent resource (GET). The name is the text after the last {@code " - "} of the
   * display name, as the Python tool derived it.
   */
  public static AgentConfig fromResource(JsonNode agent) {
    String displayName = agent.path("displayName").asText("");
    int dash = displayName.lastIndexOf(" - ");
    String name = dash >= 0 ? displayName.substring(dash + 3) : "baseline";
    JsonNode definition = agent.path("managedAgentDefinition");
    JsonNode science = definition.path("dataScienceAgentConfig");
    JsonNode nl = science.path("nlQueryConfig");
    List<NlExample> examples = new ArrayList<>();
    for (JsonNode e : nl.path("nl2sqlExamples")) {
      examples.add(new NlExample(
          e.path("query").asText(""), e.path("expectedSql").asText(""), e.path("expectedResponse").asText("")));
    }
    List<String> tables = new ArrayList<>();
    science.path("allowlistTables").forEach(t -> tables.add(t.asText()));
    return new AgentConfig(
        name,
        displayName,
        agent.path("description").asText(""),
        agent.path("icon").path("uri").asText(""),
        definition.path("toolSettings").path("toolDescription").asText(""),
        nl.path("nl2sqlPrompt").asText(""),
        nl.path("schemaDescription").asText(""),
        examples,
        nl.path("nl2pyPrompt").asText(""),
        tables,
        List.of(),
        science.path("bqProjectId").asText(""),
        science.path("bqDatasetId").asText(""),
        Optional.empty());
  }

  /** The numeric id of an agent from its resource name ({@code …/agents/123}). */
  public static String idOf(String resourceName) {
    return resourceName.substring(resourceName.lastIndexOf('/') + 1);
  }
}
