package dev.diaharness.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads an agent config file (SPEC §2.1) into an {@link AgentConfig}. Accepted shapes: one object; a list of
 * objects (the one named {@code baseline}, else the first); an object with a {@code configs} list (the first).
 * Keys are snake_case as in the Python tool's files, camelCase variants are accepted; {@code null} reads as empty.
 * Legacy {@code params.schema_context} is appended to the schema description after a blank line and
 * {@code params.examples} to the prompt under "Examples:"; {@code data_store_ids} is ignored; {@code local_data}
 * is resolved against the config file's folder. {@code ${VAR}} placeholders are kept (see {@link VariableExpander}).
 * Stateless and thread-safe.
 */
public final class AgentConfigLoader {
  private AgentConfigLoader() {}

  /**
   * @throws InputException when the file is missing or unreadable, is not JSON (line and column named), has no
   *     config object, or a field has the wrong type or an example lacks its question or SQL (field named)
   */
  public static AgentConfig load(Path file) {
    return fromJson(file, pick(file, readJson(file)));
  }

  /** The JSON of a config file; trailing content after the value is an error too. */
  static JsonNode readJson(Path file) {
    byte[] bytes = readBytes(file);
    try {
      JsonNode root = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(bytes);
      if (root == null || root.isMissingNode()) {
        throw InputException.inFile(file, "the file is empty");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw InputException.inFile(file, "not valid JSON " + where(e.getLocation()) + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw InputException.inFile(file, "cannot read the file: " + e.getMessage());
    }
  }

  static String where(JsonLocation location) {
    return location == null ? "" : "at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw InputException.inFile(file, "file not found");
    } catch (IOException e) {
      throw InputException.inFile(file, "cannot read the file: " + e.getMessage());
    }
  }

  /** The config object out of the accepted shapes. */
  private static JsonNode pick(Path file, JsonNode root) {
    if (root.isObject() && root.has("configs") && root.get("configs").isArray()) {
      return first(file, root.get("configs"), "configs");
    }
    if (root.isObject()) {
      return root;
    }
    if (root.isArray()) {
      for (JsonNode item : root) {
        if (item.isObject() && "baseline".equals(item.path("name").asText(null))) {
          return item;
        }
      }
      return first(file, root, "the list");
    }
    throw InputException.inFile(file, "expected a config object or a list of config objects, got "
        + JsonFields.describe(root.getNodeType()));
  }

  private static JsonNode first(Path file, JsonNode list, String what) {
    if (list.isEmpty()) {
      throw InputException.inFile(file, what + " holds no config");
    }
    if (!list.get(0).isObject()) {
      throw InputException.inFile(file, "the first item of " + what + " is not a config object");
    }
    return list.get(0);
  }

  private static AgentConfig fromJson(Path file, JsonNode node) {
    JsonFields f = new JsonFields(file, "", node);
    Optional<JsonFields> params = f.object("params");
    String prompt = withLegacyExamples(f.text("nl2sql_prompt"), params);
    String schema = withSchemaContext(f.text("schema_description"), params);
    String localData = f.text("local_data");
    return new AgentConfig(
        f.text("name"), f.text("display_name"), f.text("description"), f.text("icon_uri"),
        f.text("tool_description"), prompt, schema, examples(f), f.text("nl2py_prompt"),
        f.textList("allowed_tables"), f.textList("blocked_tables"),
        f.text("bq_project_id"), f.text("bq_dataset_id"),
        localData.isBlank() ? Optional.empty() : Optional.of(resolve(file, localData)));
  }

  private static Path resolve(Path configFile, String localData) {
    Path folder = configFile.toAbsolutePath().getParent();
    return folder.resolve(localData).toAbsolutePath().normalize();
  }

  private static List<NlExample> examples(JsonFields f) {
    List<JsonNode> items = f.list("nl2sql_examples");
    List<NlExample> examples = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String field = "nl2sql_examples[" + i + "]";
      if (!items.get(i).isObject()) {
        throw f.error(field, "must be an object {query, expected_sql, expected_response}, got "
            + JsonFields.describe(items.get(i).getNodeType()));
      }
      examples.add(example(f, field, f.nested(field, items.get(i))));
    }
    return examples;
  }

  private static NlExample example(JsonFields config, String field, JsonFields e) {
    String query = e.text("query", "question");
    String sql = e.text("expected_sql", "sql");
    String response = e.text("expected_response");
    if (query.isBlank()) {
      throw config.error(field, "has no 'query' (the example's question)");
    }
    if (sql.isBlank()) {
      throw config.error(field, "has no 'expected_sql'");
    }
    return new NlExample(query, sql, response);
  }

  private static String withSchemaContext(String schema, Optional<JsonFields> params) {
    String context = params.map(p -> p.text("schema_context")).orElse("");
    if (context.isBlank()) {
      return schema;
    }
    return schema.isBlank() ? context : schema + "\n\n" + context;
  }

  private static String withLegacyExamples(String prompt, Optional<JsonFields> params) {
    List<String> lines = params.map(p -> p.textList("examples")).orElse(List.of());
    if (lines.isEmpty()) {
      return prompt;
    }
    String block = "Examples:\n" + lines.stream().collect(Collectors.joining("\n"));
    return prompt.isBlank() ? block : prompt + "\n\n" + block;
  }
}
