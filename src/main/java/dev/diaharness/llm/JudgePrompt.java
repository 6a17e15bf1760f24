package dev.diaharness.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A judge prompt loaded from its resource file ({@code judge-flexible.txt}, {@code judge-binary.txt}): a
 * {@code version:} line, a {@code === system ===} and a {@code === user ===} section with {@code {{name}}}
 * placeholders, plus the reply's JSON schema ({@code judge-<mode>.schema.json}). The version is part of the judge
 * cache key, so editing a prompt means bumping it. Immutable and thread-safe.
 */
public final class JudgePrompt {
  private static final String SYSTEM_MARK = "=== system ===";
  private static final String USER_MARK = "=== user ===";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

  private final String version;
  private final String system;
  private final String userTemplate;
  private final JsonNode schema;

  private JudgePrompt(String version, String system, String userTemplate, JsonNode schema) {
    this.version = version;
    this.system = system;
    this.userTemplate = userTemplate;
    this.schema = schema;
  }

  /** The prompt of {@code mode}. */
  public static JudgePrompt of(JudgeMode mode) {
    String base = mode == JudgeMode.FLEXIBLE ? "judge-flexible" : "judge-binary";
    String text = resource(base + ".txt");
    int system = text.indexOf(SYSTEM_MARK);
    int user = text.indexOf(USER_MARK);
    String header = text.substring(0, Math.max(system, 0)).strip();
    if (system < 0 || user < system || !header.startsWith("version:")) {
      throw new IllegalStateException(base + ".txt needs a version line, then system and user sections");
    }
    try {
      return new JudgePrompt(header.substring("version:".length()).strip(),
          text.substring(system + SYSTEM_MARK.length(), user).strip(),
          text.substring(user + USER_MARK.length()).strip(),
          Json.MAPPER.readTree(resource(base + ".schema.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = JudgePrompt.class.getResourceAsStream(name)) {
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
   * The user message with each placeholder replaced in one pass, so SQL or schema text that itself contains
   * {@code {{…}}} is never expanded again.
   *
   * @throws IllegalArgumentException when a placeholder has no value
   */
  public String user(Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(userTemplate);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = Objects.requireNonNull(values.get(matcher.group(1)), () -> "no value for " + matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
