package dev.diaharness.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes an {@link AgentConfig} in the config-file format (SPEC §2.1): snake_case keys in the order of the Python
 * tool's files, examples as {@code {query, expected_sql, expected_response}}, empty {@code icon_uri} and
 * {@code nl2py_prompt} as {@code null}, {@code local_data} relative to the file's folder when it can be. Legacy
 * {@code params} are already merged, so they are not written. {@code AgentConfigLoader.load(write(f, c))} equals
 * {@code c} when {@code c.localData()} is absolute and normalised. Stateless and thread-safe.
 */
public final class AgentConfigJson {
  private AgentConfigJson() {}

  /**
   * The config-file JSON of a config.
   *
   * @param folder the folder the file will be in, for a relative {@code local_data}; empty keeps it as it is
   */
  public static ObjectNode toJson(AgentConfig config, Optional<Path> folder) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("name", config.name());
    root.put("display_name", config.displayName());
    root.put("description", config.description());
    putOrNull(root, "icon_uri", config.iconUri());
    root.put("tool_description", config.toolDescription());
    root.put("nl2sql_prompt", config.nl2sqlPrompt());
    putOrNull(root, "nl2py_prompt", config.nl2pyPrompt());
    root.put("schema_description", config.schemaDescription());
    ArrayNode examples = root.putArray("nl2sql_examples");
    for (NlExample e : config.nl2sqlExamples()) {
      examples.addObject()
          .put("query", e.query())
          .put("expected_sql", e.expectedSql())
          .put("expected_response", e.expectedResponse());
    }
    putList(root, "allowed_tables", config.allowedTables());
    putList(root, "blocked_tables", config.blockedTables());
    root.put("bq_project_id", config.bqProjectId());
    root.put("bq_dataset_id", config.bqDatasetId());
    config.localData().ifPresent(data -> root.put("local_data", relativeTo(folder, data)));
    return root;
  }

  /**
   * Writes the config file (pretty-printed UTF-8), creating its folder.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(Path file, AgentConfig config) {
    Path folder = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(folder);
      String text = Json.MAPPER.writerWithDefaultPrettyPrinter()
          .writeValueAsString(toJson(config, Optional.of(folder)));
      Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write config file " + file, e);
    }
  }

  private static String relativeTo(Optional<Path> folder, Path data) {
    if (folder.isEmpty()) {
      return data.toString();
    }
    Path absolute = data.toAbsolutePath().normalize();
    Path base = folder.get().toAbsolutePath().normalize();
    if (absolute.getRoot() == null || !absolute.getRoot().equals(base.getRoot())) {
      return absolute.toString(); // another drive: no relative path exists
    }
    String relative = base.relativize(absolute).toString();
    return relative.isEmpty() ? "." : relative.replace('\\', '/');
  }

  private static void putOrNull(ObjectNode node, String key, String value) {
    if (value.isEmpty()) {
      node.putNull(key);
    } else {
      node.put(key, value);
    }
  }

  private static void putList(ObjectNode node, String key, List<String> values) {
    ArrayNode array = node.putArray(key);
    values.forEach(array::add);
  }
}
