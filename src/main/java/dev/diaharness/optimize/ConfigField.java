package dev.diaharness.optimize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.NlExample;
import dev.diaharness.core.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The fields of an agent config an optimizer may change, each readable and writable as text (examples as a JSON
 * list of {query, expected_sql, expected_response}, tables one per line) so diffs, approval edits and validators
 * treat them alike.
 */
public enum ConfigField {
  NL2SQL_PROMPT,
  SCHEMA_DESCRIPTION,
  NL2SQL_EXAMPLES,
  NL2PY_PROMPT,
  TOOL_DESCRIPTION,
  ALLOWED_TABLES;

  private static final com.fasterxml.jackson.databind.ObjectMapper SNAKE = Json.MAPPER.copy()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  /** The config-file key, e.g. {@code nl2sql_prompt}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String read(AgentConfig config) {
    switch (this) {
      case NL2SQL_PROMPT:
        return config.nl2sqlPrompt();
      case SCHEMA_DESCRIPTION:
        return config.schemaDescription();
      case NL2SQL_EXAMPLES:
        return examplesText(config.nl2sqlExamples());
      case NL2PY_PROMPT:
        return config.nl2pyPrompt();
      case TOOL_DESCRIPTION:
        return config.toolDescription();
      case ALLOWED_TABLES:
        return String.join("\n", config.allowedTables());
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * A copy of {@code config} with this field set from text.
   *
   * @throws IllegalArgumentException when the text is not valid for the field (examples that are not a JSON list)
   */
  public AgentConfig write(AgentConfig config, String text) {
    switch (this) {
      case NL2SQL_PROMPT:
        return config.withNl2sqlPrompt(text);
      case SCHEMA_DESCRIPTION:
        return config.withSchemaDescription(text);
      case NL2SQL_EXAMPLES:
        return config.withNl2sqlExamples(parseExamples(text));
      case NL2PY_PROMPT:
        return config.withNl2pyPrompt(text);
      case TOOL_DESCRIPTION:
        return config.withToolDescription(text);
      case ALLOWED_TABLES:
        return config.withAllowedTables(Arrays.stream(text.split("\n")).map(String::strip)
            .filter(s -> !s.isEmpty()).toList());
      default:
        throw new AssertionError(this);
    }
  }

  public static String examplesText(List<NlExample> examples) {
    try {
      return SNAKE.writerWithDefaultPrettyPrinter().writeValueAsString(examples);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<NlExample> parseExamples(String text) {
    try {
      return SNAKE.readValue(text, new TypeReference<List<NlExample>>() {});
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("examples must be a JSON list of {query, expected_sql, expected_response}: "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }
}
