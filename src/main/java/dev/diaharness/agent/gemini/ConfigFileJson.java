package dev.diaharness.agent.gemini;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.NlExample;
import dev.diaharness.core.Json;

/**
 * An {@link AgentConfig} in the config-file format (snake_case keys, as the Python tool's files), so that
 * {@code agents get ID --output F} writes a file {@code deploy} and {@code evaluate} read back. Stateless.
 */
public final class ConfigFileJson {
  private ConfigFileJson() {}

  public static ObjectNode toJson(AgentConfig config) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("name", config.name());
    json.put("display_name", config.displayName());
    json.put("description", config.description());
    json.put("icon_uri", config.iconUri().isEmpty() ? null : config.iconUri());
    json.put("tool_description", config.toolDescription());
    json.put("nl2sql_prompt", config.nl2sqlPrompt());
    json.put("nl2py_prompt", config.nl2pyPrompt().isEmpty() ? null : config.nl2pyPrompt());
    json.put("schema_description", config.schemaDescription());
    ArrayNode examples = json.putArray("nl2sql_examples");
    for (NlExample e : config.nl2sqlExamples()) {
      examples.addObject().put("query", e.query()).put("expected_sql", e.expectedSql())
          .put("expected_response", e.expectedResponse());
    }
    config.allowedTables().forEach(json.putArray("allowed_tables")::add);
    config.blockedTables().forEach(json.putArray("blocked_tables")::add);
    json.put("bq_project_id", config.bqProjectId());
    json.put("bq_dataset_id", config.bqDatasetId());
    return json;
  }
}
