package dev.diaharness.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics.QueryStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableResult;
import dev.diaharness.sql.ResultTable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The BigQuery calls dia-harness makes, through the official client: dry runs, labelled queries capped by
 * {@code maximumBytesBilled}, and table metadata. Unqualified table names resolve in the settings' dataset. A 403
 * becomes an {@link dev.diaharness.core.InputException} naming the missing role; other errors are
 * {@link BigQueryException}s for the caller. Thread-safe (the client is).
 */
public final class BigQueryQueries {
  /** The outcome of a query that ran: its rows, the bytes billed and the job that ran it (when BigQuery made one). */
  public record Ran(ResultTable table, long bytesBilled, Optional<JobId> job) {}

  private final BigQuery client;
  private final BigQuerySettings settings;

  public BigQueryQueries(BigQuery client, BigQuerySettings settings) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public BigQuerySettings settings() {
    return settings;
  }

  public BigQuery client() {
    return client;
  }

  /** Dry-runs {@code sql}: nothing is executed or billed. */
  public DryRun dryRun(String sql) {
    QueryJobConfiguration config = base(sql).setDryRun(true).setUseQueryCache(false).build();
    try {
      Job job = client.create(JobInfo.of(config));
      QueryStatistics stats = job.getStatistics();
      String type = stats.getStatementType() == null ? "" : stats.getStatementType().name();
      long bytes = stats.getTotalBytesProcessed() == null ? 0 : stats.getTotalBytesProcessed();
      List<TableId> tables = stats.getReferencedTables() == null ? List.of() : stats.getReferencedTables();
      return new DryRun(type, bytes, tables);
    } catch (BigQueryException e) {
      throw AccessDenied.check(e, settings);
    }
  }

  /**
   * Runs a query with BigQuery's own cap on the bytes billed and the given job labels, reading up to
   * {@code maxRows} rows.
   */
  public Ran run(String sql, long maximumBytesBilled, Map<String, String> labels, int maxRows)
      throws InterruptedException {
    QueryJobConfiguration config = base(sql).setMaximumBytesBilled(maximumBytesBilled).setLabels(labels).build();
    try {
      TableResult result = client.query(config);
      ResultTable table = ResultConversion.read(result, maxRows);
      Optional<JobId> job = Optional.ofNullable(result.getJobId());
      return new Ran(table, job.map(this::bytesBilled).orElse(0L), job);
    } catch (BigQueryException e) {
      throw AccessDenied.check(e, settings);
    }
  }

  /** A query's raw result (BigQuery's own values and schema) and its bytes billed, for {@code data pull}. */
  public record Raw(TableResult result, long bytesBilled) {}

  /** Runs a query and hands back BigQuery's result as it is (paged lazily). */
  public Raw runRaw(String sql, long maximumBytesBilled, Map<String, String> labels) throws InterruptedException {
    QueryJobConfiguration config = base(sql).setMaximumBytesBilled(maximumBytesBilled).setLabels(labels).build();
    try {
      TableResult result = client.query(config);
      return new Raw(result, Optional.ofNullable(result.getJobId()).map(this::bytesBilled).orElse(0L));
    } catch (BigQueryException e) {
      throw AccessDenied.check(e, settings);
    }
  }

  private long bytesBilled(JobId id) {
    Job job = client.getJob(id);
    if (job == null || !(job.getStatistics() instanceof QueryStatistics stats)) {
      return 0;
    }
    return stats.getTotalBytesBilled() == null ? 0 : stats.getTotalBytesBilled();
  }

  /** A table's metadata, or empty when it does not exist. */
  public Optional<Table> table(TableId id) {
    try {
      return Optional.ofNullable(client.getTable(qualified(id)));
    } catch (BigQueryException e) {
      throw AccessDenied.check(e, settings);
    }
  }

  /** The table with the settings' project and dataset filled in where it names none. */
  public TableId qualified(TableId id) {
    String project = id.getProject() == null || id.getProject().isBlank() ? settings.project() : id.getProject();
    String dataset = id.getDataset() == null || id.getDataset().isBlank() ? settings.dataset() : id.getDataset();
    return TableId.of(project, dataset, id.getTable());
  }

  private QueryJobConfiguration.Builder base(String sql) {
    return QueryJobConfiguration.newBuilder(sql).setUseLegacySql(false)
        .setDefaultDataset(DatasetId.of(settings.project(), settings.dataset()));
  }
}
