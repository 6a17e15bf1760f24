package dev.diaharness.optimize.opro;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One optimizer prompt loaded from {@code src/main/resources/dev/diaharness/optimize/<name>.txt}: a {@code version:}
 * line, a {@code === system ===} and a {@code === user ===} section with {@code {{name}}} placeholders, and the
 * reply's JSON schema in {@code <name>.schema.json} (the same layout as the judge prompts). Editing a prompt means
 * bumping its version, which the proposal summary names. Immutable and thread-safe.
 */
final class PromptTemplate {
  private static final String FOLDER = "/dev/diaharness/optimize/";
  private static final String SYSTEM_MARK = "=== system ===";
  private static final String USER_MARK = "=== user ===";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

  private final String version;
  private final String system;
  private final String userTemplate;
  private final JsonNode schema;

  private PromptTemplate(String version, String system, String userTemplate, JsonNode schema) {
    this.version = version;
    this.system = system;
    this.userTemplate = userTemplate;
    this.schema = schema;
  }

  static PromptTemplate load(String name) {
    String text = resource(name + ".txt");
    int system = text.indexOf(SYSTEM_MARK);
    int user = text.indexOf(USER_MARK);
    String header = text.substring(0, Math.max(system, 0)).strip();
    if (system < 0 || user < system || !header.startsWith("version:")) {
      throw new IllegalStateException(name + ".txt needs a version line, then system and user sections");
    }
    try {
      return new PromptTemplate(header.substring("version:".length()).strip(),
          text.substring(system + SYSTEM_MARK.length(), user).strip(),
          text.substring(user + USER_MARK.length()).strip(),
          Json.MAPPER.readTree(resource(name + ".schema.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = PromptTemplate.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + FOLDER + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String version() {
    return version;
  }

  String system() {
    return system;
  }

  JsonNode schema() {
    return schema;
  }

  /**
   * The user message with each placeholder replaced in one pass, so prompt or SQL text that itself contains
   * {@code {{…}}} is never expanded again.
   *
   * @throws IllegalArgumentException when a placeholder has no value
   */
  String user(Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(userTemplate);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String key = matcher.group(1);
      String value = values.get(key);
      if (value == null) {
        throw new IllegalArgumentException("no value for {{" + key + "}}");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
