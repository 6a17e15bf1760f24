package dev.diaharness.agent.gemini;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.core.InputException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The BigQuery project and dataset of a config with {@code ${VAR}} placeholders expanded (SPEC §2.1): an empty value
 * falls back to {@code BQ_PROJECT_ID}, else {@code GOOGLE_CLOUD_PROJECT}, and to {@code BQ_DATASET_ID}. An unset
 * variable is an error, never sent literally (the Python tool sent {@code "${BQ_DATASET_ID}"} to the API).
 */
record BigQueryLocation(String projectId, String datasetId) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  static BigQueryLocation of(AgentConfig config, Function<String, Optional<String>> env) {
    String project = config.bqProjectId().isBlank() ? "${BQ_PROJECT_ID}" : config.bqProjectId();
    if (config.bqProjectId().isBlank() && lookup(env, "BQ_PROJECT_ID").isEmpty()) {
      project = "${GOOGLE_CLOUD_PROJECT}";
    }
    String dataset = config.bqDatasetId().isBlank() ? "${BQ_DATASET_ID}" : config.bqDatasetId();
    return new BigQueryLocation(expand(project, "bq_project_id", env), expand(dataset, "bq_dataset_id", env));
  }

  static String expand(String value, String field, Function<String, Optional<String>> env) {
    Matcher m = PLACEHOLDER.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String replacement = lookup(env, name).orElseThrow(() -> new InputException(
          "config field '" + field + "': environment variable " + name + " is not set (needed for '" + value + "')"));
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Optional<String> lookup(Function<String, Optional<String>> env, String name) {
    return env.apply(name).map(String::strip).filter(v -> !v.isEmpty());
  }
}
