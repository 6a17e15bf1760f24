package dev.diaharness.llm;

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
 * A model prompt kept in resource files, not in Java strings: {@code <base>.txt} holds a {@code version:} line, a
 * {@code === system ===} and a {@code === user ===} section with {@code {{name}}} placeholders, and
 * {@code <base>.schema.json} the reply's JSON schema. Used by the judge and the optimizer. Editing a prompt means
 * bumping its version (it is part of the judge cache key, and the optimizer's proposals name it). Immutable and
 * thread-safe.
 */
public final class PromptTemplate {
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

  /** Loads {@code <base>.txt} and {@code <base>.schema.json}, e.g. base {@code /dev/diaharness/llm/judge-binary}. */
  public static PromptTemplate load(String base) {
    String name = base;
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
    try (InputStream in = PromptTemplate.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String version() {
    return version;
  }

  public String system() {
    return system;
  }

  public JsonNode schema() {
    return schema;
  }

  /**
   * The user message with each placeholder replaced in one pass, so prompt or SQL text that itself contains
   * {@code {{…}}} is never expanded again.
   *
   * @throws IllegalArgumentException when a placeholder has no value
   */
  public String user(Map<String, String> values) {
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
