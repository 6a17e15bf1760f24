package dev.diaharness.bigquery;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.VariableExpander;
import dev.diaharness.core.InputException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where BigQuery is: the project jobs run in, the dataset holding the tables, and {@code DIA_BIGQUERY_ENDPOINT}
 * when the client talks to another host than Google's (the emulator).
 *
 * @param endpoint base URL replacing {@code https://bigquery.googleapis.com}; only loopback hosts run without
 *     credentials
 */
public record BigQuerySettings(String project, String dataset, Optional<URI> endpoint) {
  public BigQuerySettings {
    Objects.requireNonNull(endpoint, "endpoint");
    if (project == null || project.isBlank()) {
      throw new InputException("no BigQuery project: set bq_project_id in the config or BQ_PROJECT_ID");
    }
    if (dataset == null || dataset.isBlank()) {
      throw new InputException("no BigQuery dataset: set bq_dataset_id in the config or BQ_DATASET_ID");
    }
  }

  /**
   * From the config's {@code bq_project_id}/{@code bq_dataset_id} (expanded), else {@code BQ_PROJECT_ID} /
   * {@code BQ_DATASET_ID}; the endpoint from {@code DIA_BIGQUERY_ENDPOINT}.
   */
  public static BigQuerySettings from(Function<String, Optional<String>> env, Optional<AgentConfig> config) {
    VariableExpander expander = new VariableExpander(env);
    String project = config.map(expander::bqProjectId)
        .orElseGet(() -> env.apply("BQ_PROJECT_ID").orElse(""));
    String dataset = config.map(expander::bqDatasetId)
        .orElseGet(() -> env.apply("BQ_DATASET_ID").orElse(""));
    return new BigQuerySettings(project, dataset, env.apply("DIA_BIGQUERY_ENDPOINT").map(BigQuerySettings::uri));
  }

  /** For the embedded emulator: its BigQuery face, the config's dataset (else local_dataset), any project. */
  public static BigQuerySettings embedded(String endpoint, String project, AgentConfig config) {
    String dataset = config.bqDatasetId().isBlank() || config.bqDatasetId().contains("${") ? "local_dataset"
        : config.bqDatasetId();
    return new BigQuerySettings(project, dataset, Optional.of(uri(endpoint)));
  }

  /** true when the endpoint is on this machine (the emulator): no credentials are sent there. */
  public boolean isLoopback() {
    return endpoint.map(u -> u.getHost() != null
        && (u.getHost().equals("127.0.0.1") || u.getHost().equals("localhost") || u.getHost().equals("[::1]")))
        .orElse(false);
  }

  private static URI uri(String value) {
    try {
      URI uri = URI.create(value.strip());
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
        throw new IllegalArgumentException("not http(s)");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new InputException("DIA_BIGQUERY_ENDPOINT '" + value + "' is not an http(s) base URL such as "
          + "http://127.0.0.1:8765");
    }
  }
}
