package dev.diaharness.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.diaharness.core.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, forgiving reads of one JSON object of a config file: a key matches whatever its case and separators
 * ({@code display_name}, {@code displayName} and {@code display-name} are one key), {@code null} reads as absent,
 * and a value of the wrong type is an {@link InputException} naming the file and the field. Immutable.
 */
final class JsonFields {
  private final Path file;
  private final String prefix;
  private final Map<String, JsonNode> byKey = new LinkedHashMap<>();

  /**
   * @param prefix prepended to field names in errors, e.g. {@code "nl2sql_examples[2]."}
   */
  JsonFields(Path file, String prefix, JsonNode object) {
    this.file = file;
    this.prefix = prefix;
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      byKey.putIfAbsent(canonical(e.getKey()), e.getValue());
    }
  }

  /** A key without case or separators: {@code nl2sql_prompt} and {@code nl2sqlPrompt} both give {@code nl2sqlprompt}. */
  static String canonical(String key) {
    return key.replace("_", "").replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
  }

  /** The value of the first of the names that is present and not null. */
  Optional<JsonNode> node(String... names) {
    for (String name : names) {
      JsonNode node = byKey.get(canonical(name));
      if (node != null && !node.isNull()) {
        return Optional.of(node);
      }
    }
    return Optional.empty();
  }

  /** A text field; absent or null gives "". */
  String text(String name, String... aliases) {
    Optional<JsonNode> node = node(concat(name, aliases));
    if (node.isEmpty()) {
      return "";
    }
    if (!node.get().isTextual()) {
      throw wrongType(name, "text", node.get());
    }
    return node.get().asText();
  }

  /** A list of text; absent or null gives an empty list. Numbers in the list are read as their text. */
  List<String> textList(String name) {
    Optional<JsonNode> node = node(name);
    if (node.isEmpty()) {
      return List.of();
    }
    if (!node.get().isArray()) {
      throw wrongType(name, "a list of text", node.get());
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < node.get().size(); i++) {
      JsonNode item = node.get().get(i);
      if (!item.isTextual() && !item.isNumber()) {
        throw wrongType(name + "[" + i + "]", "text", item);
      }
      out.add(item.asText());
    }
    return out;
  }

  /** The items of a list field; absent or null gives an empty list. */
  List<JsonNode> list(String name, String... aliases) {
    Optional<JsonNode> node = node(concat(name, aliases));
    if (node.isEmpty()) {
      return List.of();
    }
    if (!node.get().isArray()) {
      throw wrongType(name, "a list", node.get());
    }
    List<JsonNode> out = new ArrayList<>();
    node.get().forEach(out::add);
    return out;
  }

  /** An object field, if present. */
  Optional<JsonFields> object(String name) {
    Optional<JsonNode> node = node(name);
    if (node.isPresent() && !node.get().isObject()) {
      throw wrongType(name, "an object", node.get());
    }
    return node.map(n -> nested(name, n));
  }

  /** The fields of an object nested in this one, errors named {@code <field>.<key>}. */
  JsonFields nested(String field, JsonNode object) {
    return new JsonFields(file, prefix + field + ".", object);
  }

  InputException error(String field, String what) {
    return InputException.inField(file, prefix + field, what);
  }

  private InputException wrongType(String field, String expected, JsonNode got) {
    return error(field, "must be " + expected + ", got " + describe(got.getNodeType()));
  }

  static String describe(JsonNodeType type) {
    switch (type) {
      case ARRAY: return "a list";
      case OBJECT: return "an object";
      case NUMBER: return "a number";
      case BOOLEAN: return "a boolean";
      case STRING: return "text";
      default: return type.name().toLowerCase(Locale.ROOT);
    }
  }

  private static String[] concat(String name, String... aliases) {
    String[] all = new String[aliases.length + 1];
    all[0] = name;
    System.arraycopy(aliases, 0, all, 1, aliases.length);
    return all;
  }
}
