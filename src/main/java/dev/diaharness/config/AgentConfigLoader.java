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
 * PLACEHOLDER from the emulator branch, so that the {@code emulator} command compiles and can be tested: the inputs
 * helper owns the real loader with this same signature (all shapes, legacy {@code params}, validation); keep
 * theirs. Reads one object's name, display_name, nl2sql_prompt, schema_description, nl2sql_examples and
 * local_data (relative to the file).
 */
public final class AgentConfigLoader {
  private AgentConfigLoader() {}

  public static AgentConfig load(Path file) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw InputException.inFile(file, "cannot read the agent config: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw InputException.inFile(file, "an agent config must be a JSON object");
    }
    List<NlExample> examples = new ArrayList<>();
    for (JsonNode e : node.path("nl2sql_examples")) {
      examples.add(new NlExample(e.path("query").asText(""), e.path("expected_sql").asText(""),
          e.path("expected_response").asText("")));
    }
    Optional<Path> localData = node.hasNonNull("local_data")
        ? Optional.of(file.toAbsolutePath().getParent().resolve(node.get("local_data").asText()).normalize())
        : Optional.empty();
    return new AgentConfig(text(node, "name"), text(node, "display_name"), text(node, "description"), "",
        text(node, "tool_description"), text(node, "nl2sql_prompt"), text(node, "schema_description"), examples,
        "", List.of(), List.of(), text(node, "bq_project_id"), text(node, "bq_dataset_id"), localData);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? "" : value.asText();
  }
}
