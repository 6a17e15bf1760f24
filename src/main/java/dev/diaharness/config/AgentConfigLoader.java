package dev.diaharness.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PLACEHOLDER from the gemini branch, so that {@code deploy} compiles and can be tested: the inputs helper owns the
 * real loader with this same signature (legacy {@code params}, {@code local_data}, full validation); keep theirs.
 * Reads the three accepted shapes of SPEC §2.1 (object, list → "baseline" or first, {@code configs} list → first).
 */
public final class AgentConfigLoader {
  private AgentConfigLoader() {}

  public static AgentConfig load(Path file) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw InputException.inFile(file, "cannot read the agent config: " + e.getMessage());
    }
    JsonNode node = pick(root, file);
    List<NlExample> examples = new ArrayList<>();
    for (JsonNode e : node.path("nl2sql_examples")) {
      examples.add(new NlExample(e.path("query").asText(""),
          e.has("expected_sql") ? e.path("expected_sql").asText("") : e.path("expectedSql").asText(""),
          e.has("expected_response") ? e.path("expected_response").asText("")
              : e.path("expectedResponse").asText("")));
    }
    return new AgentConfig(text(node, "name"), text(node, "display_name"), text(node, "description"),
        text(node, "icon_uri"), text(node, "tool_description"), text(node, "nl2sql_prompt"),
        text(node, "schema_description"), examples, text(node, "nl2py_prompt"), strings(node, "allowed_tables"),
        strings(node, "blocked_tables"), text(node, "bq_project_id"), text(node, "bq_dataset_id"), Optional.empty());
  }

  private static JsonNode pick(JsonNode root, Path file) {
    if (root.isArray()) {
      for (JsonNode c : root) {
        if ("baseline".equals(c.path("name").asText())) {
          return c;
        }
      }
      if (root.isEmpty()) {
        throw InputException.inFile(file, "the list of configs is empty");
      }
      return root.get(0);
    }
    if (root.path("configs").isArray() && !root.path("configs").isEmpty()) {
      return root.path("configs").get(0);
    }
    if (!root.isObject()) {
      throw InputException.inFile(file, "an agent config must be a JSON object or a list of objects");
    }
    return root;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? "" : value.asText();
  }

  private static List<String> strings(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    node.path(field).forEach(v -> out.add(v.asText()));
    return out;
  }
}
