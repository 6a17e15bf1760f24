package dev.diaharness.optimize.opro;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.core.Json;
import dev.diaharness.optimize.ConfigField;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Shared reading of the optimizer models' JSON replies. Stateless. */
final class Replies {
  private Replies() {}

  /** The reply's JSON object; a surrounding Markdown fence is tolerated (some models add one even in JSON mode). */
  static JsonNode object(String text) throws InvalidReplyException {
    String body = text.strip();
    if (body.startsWith("```")) {
      int start = body.indexOf('\n');
      int end = body.lastIndexOf("```");
      body = start > 0 && end > start ? body.substring(start + 1, end).strip() : body;
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new InvalidReplyException("the reply is not valid JSON: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidReplyException("the reply must be one JSON object");
    }
    return root;
  }

  /** A field by its config key, e.g. {@code nl2sql_prompt}. */
  static ConfigField field(String key) throws InvalidReplyException {
    String k = key.strip().toLowerCase(Locale.ROOT);
    for (ConfigField f : ConfigField.values()) {
      if (f.key().equals(k)) {
        return f;
      }
    }
    throw new InvalidReplyException("unknown field \"" + key + "\"; the fields are " + Arrays.stream(
        ConfigField.values()).map(ConfigField::key).collect(Collectors.joining(", ")));
  }
}
