package dev.diaharness.optimize.opro;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.config.NlExample;
import dev.diaharness.optimize.ConfigField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One improvement reply: the new text of each planned field (in {@link ConfigField#read} form: examples as a JSON
 * list, tables one per line) and the model's rationale. Immutable.
 */
record ImprovedFields(Map<ConfigField, String> texts, String rationale) {
  ImprovedFields {
    texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
  }

  /**
   * Reads and checks {@code {"rationale": …, "changes": [{"field", "text" | "examples" | "tables"}]}}.
   *
   * @param planned the fields the analysis chose: the reply must give each of them, and no other
   * @throws InvalidReplyException for a missing, unplanned, repeated or empty field, examples that are not objects
   *     with a query and expected_sql, or a reply that is not that object
   */
  static ImprovedFields parse(String text, List<ConfigField> planned) throws InvalidReplyException {
    JsonNode root = Replies.object(text);
    JsonNode changes = root.get("changes");
    if (changes == null || !changes.isArray()) {
      throw new InvalidReplyException("the reply needs a \"changes\" array");
    }
    Map<ConfigField, String> texts = new LinkedHashMap<>();
    for (JsonNode change : changes) {
      ConfigField field = Replies.field(change.path("field").asText(""));
      if (!planned.contains(field)) {
        throw new InvalidReplyException("field " + field.key() + " was not asked for; change only " + keys(planned));
      }
      if (texts.put(field, value(field, change)) != null) {
        throw new InvalidReplyException("field " + field.key() + " is given twice");
      }
    }
    List<ConfigField> missing = new ArrayList<>(planned);
    missing.removeAll(texts.keySet());
    if (!missing.isEmpty()) {
      throw new InvalidReplyException("the reply lacks the new content of " + keys(missing));
    }
    return new ImprovedFields(texts, root.path("rationale").asText("").strip());
  }

  private static String value(ConfigField field, JsonNode change) throws InvalidReplyException {
    switch (field) {
      case NL2SQL_EXAMPLES:
        return ConfigField.examplesText(examples(change));
      case ALLOWED_TABLES:
        return tables(change);
      default:
        String t = change.path("text").asText("");
        if (t.isBlank()) {
          throw new InvalidReplyException("field " + field.key() + " needs its complete new \"text\"");
        }
        return t.strip();
    }
  }

  private static List<NlExample> examples(JsonNode change) throws InvalidReplyException {
    JsonNode list = change.get("examples");
    if (list == null && change.path("text").isTextual()) {
      try {
        return ConfigField.parseExamples(change.get("text").asText());
      } catch (IllegalArgumentException e) {
        throw new InvalidReplyException("nl2sql_examples: " + e.getMessage());
      }
    }
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new InvalidReplyException("nl2sql_examples needs an \"examples\" array of {query, expected_sql,"
          + " expected_response} objects");
    }
    List<NlExample> examples = new ArrayList<>();
    for (JsonNode e : list) {
      String query = e.path("query").asText("").strip();
      String sql = e.path("expected_sql").asText("").strip();
      if (!e.isObject() || query.isEmpty() || sql.isEmpty()) {
        throw new InvalidReplyException("example " + (examples.size() + 1) + " needs a query and an expected_sql");
      }
      examples.add(new NlExample(query, sql, e.path("expected_response").asText("").strip()));
    }
    return examples;
  }

  private static String tables(JsonNode change) throws InvalidReplyException {
    List<String> tables = new ArrayList<>();
    JsonNode list = change.get("tables");
    if (list != null && list.isArray()) {
      list.forEach(t -> tables.add(t.asText("").strip()));
    } else {
      change.path("text").asText("").lines().forEach(l -> tables.add(l.strip()));
    }
    tables.removeIf(String::isEmpty);
    if (tables.isEmpty()) {
      throw new InvalidReplyException("allowed_tables needs a non-empty \"tables\" array");
    }
    return String.join("\n", tables);
  }

  private static String keys(List<ConfigField> fields) {
    return String.join(", ", fields.stream().map(ConfigField::key).toList());
  }
}
