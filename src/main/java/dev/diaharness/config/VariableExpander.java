package dev.diaharness.config;

import dev.diaharness.core.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${VAR}} placeholders of config values from an {@link Environment} (SPEC §2.1). The Python tool sent
 * {@code ${GOOGLE_CLOUD_PROJECT}} literally as the BigQuery project (SPEC §7); here an unset variable is an
 * {@link InputException} naming the config field and the variable, raised when the value is needed, so commands that
 * never touch BigQuery (evaluate against the emulator, validate) still run.
 *
 * <p>BigQuery ids: an empty {@code bq_project_id} falls back to {@code BQ_PROJECT_ID}, else
 * {@code GOOGLE_CLOUD_PROJECT}; an empty {@code bq_dataset_id} to {@code BQ_DATASET_ID}; a {@code ${BQ_PROJECT_ID}}
 * placeholder whose variable is unset falls back to {@code GOOGLE_CLOUD_PROJECT}. This class is immutable and
 * thread-safe.
 */
public final class VariableExpander {
  /** {@code ${NAME}}: a shell-style variable name in braces. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  /** Where a variable is looked up next when it is unset. */
  private static final Map<String, String> FALLBACK = Map.of("BQ_PROJECT_ID", "GOOGLE_CLOUD_PROJECT");

  private final Function<String, Optional<String>> env;

  public VariableExpander(Environment env) {
    this(Objects.requireNonNull(env, "env")::get);
  }

  /** Over any variable lookup (blank values count as unset). */
  public VariableExpander(Function<String, Optional<String>> env) {
    Objects.requireNonNull(env, "env");
    this.env = name -> env.apply(name).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** One placeholder whose variable is unset. */
  public record Unresolved(String field, String variable) {
    /** e.g. {@code bq_project_id: ${GOOGLE_CLOUD_PROJECT} is not set}. */
    public String describe() {
      return field + ": ${" + variable + "} is not set";
    }
  }

  /**
   * The text with every placeholder replaced.
   *
   * @param field the config field the text comes from, named in the error
   * @throws InputException when a variable is unset
   */
  public String expand(String field, String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String variable = m.group(1);
      String value = lookup(variable).orElseThrow(() -> unset(field, variable));
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The BigQuery project of a config, expanded.
   *
   * @throws InputException when a placeholder's variable is unset, or the field is empty and no variable gives it
   */
  public String bqProjectId(AgentConfig config) {
    return bqId("bq_project_id", config.bqProjectId(), "BQ_PROJECT_ID");
  }

  /**
   * The BigQuery dataset of a config, expanded.
   *
   * @throws InputException when a placeholder's variable is unset, or the field is empty and BQ_DATASET_ID is unset
   */
  public String bqDatasetId(AgentConfig config) {
    return bqId("bq_dataset_id", config.bqDatasetId(), "BQ_DATASET_ID");
  }

  /**
   * The placeholders of the config's BigQuery ids whose variables are unset (an empty field counts as its default
   * variable), for warnings; empty when both ids resolve.
   */
  public List<Unresolved> unresolved(AgentConfig config) {
    List<Unresolved> missing = new ArrayList<>();
    collect("bq_project_id", orDefault(config.bqProjectId(), "BQ_PROJECT_ID"), missing);
    collect("bq_dataset_id", orDefault(config.bqDatasetId(), "BQ_DATASET_ID"), missing);
    return missing;
  }

  private String bqId(String field, String raw, String defaultVariable) {
    return expand(field, orDefault(raw, defaultVariable));
  }

  private static String orDefault(String raw, String defaultVariable) {
    return raw.isBlank() ? "${" + defaultVariable + "}" : raw;
  }

  private void collect(String field, String text, List<Unresolved> into) {
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (lookup(m.group(1)).isEmpty()) {
        into.add(new Unresolved(field, m.group(1)));
      }
    }
  }

  private Optional<String> lookup(String variable) {
    Optional<String> value = env.apply(variable);
    String fallback = FALLBACK.get(variable);
    return value.isPresent() || fallback == null ? value : env.apply(fallback);
  }

  private static InputException unset(String field, String variable) {
    String also = FALLBACK.containsKey(variable) ? " (nor " + FALLBACK.get(variable) + ")" : "";
    return new InputException("config field '" + field + "': environment variable " + variable + also
        + " is not set; set it in the environment or in .env (the placeholder ${" + variable
        + "} is never sent as is)");
  }
}
