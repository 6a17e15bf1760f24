package dev.diaharness.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.core.Json;
import dev.diaharness.emulator.BigQueryStatements.Classified;
import dev.diaharness.emulator.BigQueryTables.Table;
import dev.diaharness.sql.ExecutionResult;
import dev.diaharness.sql.ResultTable;
import dev.diaharness.sql.SandboxedExecutor;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Query jobs of the emulator's BigQuery face: a dry run classifies the statement and estimates the bytes (the
 * referenced tables' whole size, as the emulator does not prune columns); a run executes only a SELECT, in the
 * same sandbox as scoring, refuses one whose estimate is over {@code maximumBytesBilled}, and keeps the rows for
 * paged reads. Bytes billed follow BigQuery's rule of at least 10 MB per query that reads a table. The most recent
 * {@value #KEPT_JOBS} jobs are kept. Thread-safe.
 */
final class BigQueryJobs {
  static final String RESULTS_DATASET = "_dia_emulator_results";
  private static final int KEPT_JOBS = 500;
  private static final long MIN_BILLED = 10L * 1024 * 1024;

  /** A finished (or failed) job; {@code result} is empty for a dry run or a failure. */
  record Job(String project, String jobId, String location, String sql, JsonNode labels, Classified statement,
      long bytesProcessed, boolean dryRun, Optional<ResultTable> result, Optional<BigQueryError> error,
      long createdMillis) {
    long bytesBilled() {
      return dryRun || error.isPresent() || bytesProcessed == 0 ? 0 : Math.max(MIN_BILLED, bytesProcessed);
    }

    String anonymousTable() {
      return "anon_" + jobId.replace('-', '_');
    }
  }

  /** A BigQuery error: HTTP code, reason (invalidQuery, bytesBilledLimitExceeded, …) and message. */
  record BigQueryError(int code, String reason, String message) {}

  private final String dataset;
  private final BigQueryTables tables;
  private final Optional<SandboxedExecutor> executor;
  private final Clock clock;
  private final RequestMetrics metrics;
  private final Map<String, Job> jobs = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
      return size() > KEPT_JOBS;
    }
  });

  /** Counts every statement it actually runs as {@code bigquery.statementsRun} in {@code metrics}. */
  BigQueryJobs(String dataset, BigQueryTables tables, Optional<SandboxedExecutor> executor, Clock clock,
      RequestMetrics metrics) {
    this.dataset = dataset;
    this.tables = tables;
    this.executor = executor;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * Dry-runs or runs one query. A dry run of invalid SQL and a run over the bytes limit are errors of the call
   * itself (as BigQuery answers them); a query that fails while running is a finished job with an error.
   */
  Job submit(String project, Optional<String> jobId, String location, String sql, JsonNode labels, boolean dryRun,
      Optional<Long> maximumBytesBilled) {
    Set<String> known = tables.all().stream().map(Table::name).collect(Collectors.toSet());
    Classified statement = BigQueryStatements.classify(sql, known);
    if (!statement.isValid()) {
      throw new BigQueryFace.Failure(new BigQueryError(400, "invalidQuery", statement.error()));
    }
    long bytes = statement.tables().stream().map(tables::find).flatMap(Optional::stream).mapToLong(Table::bytes)
        .sum();
    String id = jobId.orElseGet(() -> "job_" + UUID.randomUUID().toString().replace("-", ""));
    long now = clock.millis();
    if (dryRun) {
      return new Job(project, id, location, sql, labels, statement, bytes, true, Optional.empty(), Optional.empty(),
          now);
    }
    if (maximumBytesBilled.isPresent() && Math.max(MIN_BILLED, bytes) > maximumBytesBilled.get() && bytes > 0) {
      throw new BigQueryFace.Failure(new BigQueryError(400, "bytesBilledLimitExceeded",
          "Query exceeded limit for bytes billed: " + maximumBytesBilled.get() + ". " + Math.max(MIN_BILLED, bytes)
              + " or higher required."));
    }
    Job job = run(new Job(project, id, location, sql, labels, statement, bytes, false, Optional.empty(),
        Optional.empty(), now));
    jobs.put(id, job);
    return job;
  }

  private Job run(Job job) {
    if (!job.statement().statementType().equals("SELECT")) {
      return failed(job, new BigQueryError(400, "invalidQuery", "The emulator runs only queries (SELECT), not "
          + job.statement().statementType()));
    }
    if (executor.isEmpty()) {
      return failed(job, new BigQueryError(400, "invalidQuery", "The emulator has no tables loaded"));
    }
    metrics.record("bigquery.statementsRun", System.nanoTime());
    // jobs per dia-harness run, as BigQuery's console groups them by label
    if (job.labels() != null && job.labels().hasNonNull("dia-harness-run")) {
      metrics.record("bigquery.jobsOfRun:" + job.labels().get("dia-harness-run").asText(), System.nanoTime());
    }
    ExecutionResult result = executor.get().executeBigQuery(job.sql());
    if (result instanceof ExecutionResult.Rows rows) {
      if (rows.table().truncated()) {
        return failed(job, new BigQueryError(400, "responseTooLarge", "Result larger than the emulator keeps ("
            + executor.get().limits().maxRows() + " rows)"));
      }
      return new Job(job.project(), job.jobId(), job.location(), job.sql(), job.labels(), job.statement(),
          job.bytesProcessed(), false, Optional.of(rows.table()), Optional.empty(), job.createdMillis());
    }
    return failed(job, new BigQueryError(400, "invalidQuery", QueryFailure.message(result)));
  }

  private static Job failed(Job job, BigQueryError error) {
    return new Job(job.project(), job.jobId(), job.location(), job.sql(), job.labels(), job.statement(),
        job.bytesProcessed(), false, Optional.empty(), Optional.of(error), job.createdMillis());
  }

  Optional<Job> find(String jobId) {
    return Optional.ofNullable(jobs.get(jobId));
  }

  /** The job whose anonymous destination table this is. */
  Optional<Job> byAnonymousTable(String tableId) {
    synchronized (jobs) {
      return jobs.values().stream().filter(j -> j.anonymousTable().equals(tableId)).findFirst();
    }
  }

  /** The job resource ({@code bigquery#job}). */
  ObjectNode resource(Job job) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("kind", "bigquery#job")
        .put("id", job.project() + ":" + job.location() + "." + job.jobId());
    node.set("jobReference", reference(job));
    ObjectNode configuration = node.putObject("configuration").put("jobType", "QUERY").put("dryRun", job.dryRun());
    if (job.labels() != null && job.labels().isObject()) {
      configuration.set("labels", job.labels());
    }
    ObjectNode query = configuration.putObject("query").put("query", job.sql()).put("useLegacySql", false);
    if (!job.dryRun()) {
      query.putObject("destinationTable").put("projectId", job.project()).put("datasetId", RESULTS_DATASET)
          .put("tableId", job.anonymousTable());
    }
    ObjectNode status = node.putObject("status").put("state", "DONE");
    job.error().ifPresent(e -> {
      status.set("errorResult", errorNode(e));
      status.putArray("errors").add(errorNode(e));
    });
    ObjectNode stats = node.putObject("statistics").put("creationTime", Long.toString(job.createdMillis()))
        .put("startTime", Long.toString(job.createdMillis())).put("endTime", Long.toString(job.createdMillis()))
        .put("totalBytesProcessed", Long.toString(job.bytesProcessed()));
    ObjectNode queryStats = stats.putObject("query").put("statementType", job.statement().statementType())
        .put("totalBytesProcessed", Long.toString(job.bytesProcessed()))
        .put("totalBytesBilled", Long.toString(job.bytesBilled())).put("cacheHit", false);
    ArrayNode referenced = queryStats.putArray("referencedTables");
    for (String table : job.statement().tables()) {
      referenced.addObject().put("projectId", job.project()).put("datasetId", dataset).put("tableId", table);
    }
    if (job.result().isPresent()) {
      queryStats.set("schema", schema(job.result().get()));
    }
    return node;
  }

  static ObjectNode errorNode(BigQueryError e) {
    return Json.MAPPER.createObjectNode().put("reason", e.reason()).put("message", e.message());
  }

  static ObjectNode reference(Job job) {
    return Json.MAPPER.createObjectNode().put("projectId", job.project()).put("jobId", job.jobId())
        .put("location", job.location());
  }

  /** The result schema, typed from the values (the sandbox reads plain Java values). */
  static ObjectNode schema(ResultTable table) {
    ObjectNode schema = Json.MAPPER.createObjectNode();
    ArrayNode fields = schema.putArray("fields");
    for (int i = 0; i < table.columns().size(); i++) {
      fields.add(BigQueryWire.fieldForValues(table.columns().get(i), table.rows(), i));
    }
    return schema;
  }

  /**
   * A page of a finished job's rows as jobs.query / jobs.getQueryResults answer: {@code jobComplete}, schema,
   * {@code totalRows}, rows from {@code start}, and a {@code pageToken} while rows remain.
   */
  static ObjectNode queryResponse(Job job, String kind, long start, int pageSize, boolean int64Timestamps)
      throws SQLException {
    ObjectNode node = Json.MAPPER.createObjectNode().put("kind", kind).put("jobComplete", true)
        .put("cacheHit", false).put("totalBytesProcessed", Long.toString(job.bytesProcessed()));
    node.set("jobReference", reference(job));
    if (job.dryRun()) {
      return node;
    }
    ResultTable table = job.result().orElseThrow();
    node.set("schema", schema(table));
    page(node, table.rows(), start, pageSize, int64Timestamps, "pageToken");
    return node;
  }

  /** Adds totalRows, rows [start, start + size) and the next page's token under {@code tokenField}. */
  static void page(ObjectNode node, List<List<Object>> rows, long start, int size, boolean int64Timestamps,
      String tokenField) throws SQLException {
    node.put("totalRows", Long.toString(rows.size()));
    int from = (int) Math.min(rows.size(), Math.max(0, start));
    int to = (int) Math.min(rows.size(), (long) from + size);
    ArrayNode out = node.putArray("rows");
    for (List<Object> row : rows.subList(from, to)) {
      out.add(BigQueryWire.row(row, int64Timestamps));
    }
    if (to < rows.size()) {
      node.put(tokenField, Integer.toString(to));
    }
  }
}
