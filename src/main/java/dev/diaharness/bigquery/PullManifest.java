package dev.diaharness.bigquery;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code _pull.json}: what {@code data pull} copied from where, so a reader knows the local tables are a sample.
 *
 * @param tables one entry per table written
 * @param bytesRead the bytes read from BigQuery over all tables (whole tables: their size; samples: what the key
 *     queries billed plus the share of the table the sampled blocks hold)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PullManifest(int version, String project, String dataset, Instant pulledAt, long maxRows,
    List<Table> tables, long bytesRead) {
  public static final int CURRENT_VERSION = 1;

  public PullManifest {
    tables = List.copyOf(tables);
  }

  /**
   * One pulled table.
   *
   * @param source {@code project.dataset.table}
   * @param schema BigQuery's columns: name, type, mode, and the DuckDB type they were written as
   * @param sourceRows rows in BigQuery
   * @param rows rows written
   * @param method {@code whole}, or how the sample was made
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Table(String table, String source, String file, List<Map<String, String>> schema, long sourceRows,
      long rows, boolean sampled, String method, long bytesRead) {
    public Table {
      schema = List.copyOf(schema);
    }
  }
}
