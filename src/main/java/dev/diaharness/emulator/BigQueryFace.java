package dev.diaharness.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.diaharness.core.Json;
import dev.diaharness.emulator.BigQueryJobs.BigQueryError;
import dev.diaharness.emulator.BigQueryJobs.Job;
import dev.diaharness.emulator.BigQueryTables.Table;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of the BigQuery v2 REST API that {@code data pull} and {@code --execute-on bigquery} use, served from
 * the emulator's local tables so that the official client library runs offline against it: datasets.get,
 * tables.list, tables.get, tabledata.list, jobs.insert, jobs.get, jobs.query and jobs.getQueryResults, with
 * dry runs and paging. Any project id is accepted; the one dataset is the config's ({@code bq_dataset_id}).
 * Queries are translated to DuckDB and run in the scoring sandbox. Thread-safe.
 */
final class BigQueryFace implements HttpHandler {
  static final String PREFIX = "/bigquery/v2/";
  private static final int DEFAULT_PAGE = 10_000;
  private static final Pattern DATASET = Pattern.compile("projects/([^/]+)/datasets/([^/]+)");
  private static final Pattern TABLES = Pattern.compile("projects/([^/]+)/datasets/([^/]+)/tables");
  private static final Pattern TABLE = Pattern.compile("projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)");
  private static final Pattern TABLE_DATA = Pattern.compile("projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)/data");
  private static final Pattern JOBS = Pattern.compile("projects/([^/]+)/jobs");
  private static final Pattern JOB = Pattern.compile("projects/([^/]+)/jobs/([^/]+)");
  private static final Pattern QUERIES = Pattern.compile("projects/([^/]+)/queries");
  private static final Pattern QUERY_RESULTS = Pattern.compile("projects/([^/]+)/queries/([^/]+)");

  /** Thrown by the jobs to answer with a BigQuery error instead of a result. */
  static final class Failure extends RuntimeException {
    final BigQueryError error;

    Failure(BigQueryError error) {
      super(error.message());
      this.error = error;
    }
  }

  private final String dataset;
  private final BigQueryTables tables;
  private final BigQueryJobs jobs;
  private final RequestMetrics metrics;
  private final boolean denied;

  /** @param denied answer every call with 403 (a caller without BigQuery roles), for tests of that path */
  BigQueryFace(String dataset, BigQueryTables tables, BigQueryJobs jobs, RequestMetrics metrics, boolean denied) {
    this.dataset = dataset;
    this.tables = tables;
    this.jobs = jobs;
    this.metrics = metrics;
    this.denied = denied;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long arrival = System.nanoTime();
    try (exchange) {
      // read the whole body first: a reply sent before it is consumed can stall a keep-alive connection
      byte[] body = gunzipped(exchange, HttpJson.readBytes(exchange));
      try {
        route(exchange, body, arrival);
      } catch (Failure f) {
        sendError(exchange, f.error);
      } catch (HttpJson.ApiError e) {
        sendError(exchange, new BigQueryError(e.code, "invalid", e.getMessage()));
      } catch (RuntimeException | SQLException e) {
        sendError(exchange, new BigQueryError(500, "internalError", "Internal error: " + e.getClass().getSimpleName()));
      }
    } catch (IOException e) {
      // the client went away: nothing more to tell it
    }
  }

  private void route(HttpExchange exchange, byte[] body, long arrival) throws IOException, SQLException {
    String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
    String method = exchange.getRequestMethod();
    Map<String, String> query = HttpJson.query(exchange);
    if (denied) {
      metrics.record("bigquery.denied", arrival);
      throw new Failure(new BigQueryError(403, "accessDenied", "Access Denied: Project " + path.split("/")[1]
          + ": User does not have bigquery.jobs.create permission in project " + path.split("/")[1] + "."));
    }
    Matcher m;
    if ((m = TABLE_DATA.matcher(path)).matches() && method.equals("GET")) {
      metrics.record("bigquery.tabledata.list", arrival);
      tableData(exchange, m.group(1), m.group(2), m.group(3), query);
    } else if ((m = TABLE.matcher(path)).matches() && method.equals("GET")) {
      metrics.record("bigquery.tables.get", arrival);
      HttpJson.send(exchange, 200, tableResource(m.group(1), table(m.group(2), m.group(3))));
    } else if ((m = TABLES.matcher(path)).matches() && method.equals("GET")) {
      metrics.record("bigquery.tables.list", arrival);
      HttpJson.send(exchange, 200, tableList(m.group(1), m.group(2), query));
    } else if ((m = DATASET.matcher(path)).matches() && method.equals("GET")) {
      metrics.record("bigquery.datasets.get", arrival);
      HttpJson.send(exchange, 200, datasetResource(m.group(1), m.group(2)));
    } else if ((m = JOBS.matcher(path)).matches() && method.equals("POST")) {
      metrics.record("bigquery.jobs.insert", arrival);
      HttpJson.send(exchange, 200, jobs.resource(insert(m.group(1), HttpJson.parse(body))));
    } else if ((m = JOB.matcher(path)).matches() && method.equals("GET")) {
      metrics.record("bigquery.jobs.get", arrival);
      HttpJson.send(exchange, 200, jobs.resource(job(m.group(2))));
    } else if ((m = QUERIES.matcher(path)).matches() && method.equals("POST")) {
      metrics.record("bigquery.jobs.query", arrival);
      query(exchange, m.group(1), HttpJson.parse(body));
    } else if ((m = QUERY_RESULTS.matcher(path)).matches() && method.equals("GET")) {
      metrics.record("bigquery.jobs.getQueryResults", arrival);
      Job job = job(m.group(2));
      failIfErrored(job);
      HttpJson.send(exchange, 200, BigQueryJobs.queryResponse(job, "bigquery#getQueryResultsResponse",
          start(query), pageSize(query), int64(query)));
    } else {
      metrics.record("bigquery.notFound", arrival);
      throw new Failure(new BigQueryError(404, "notFound", "Not found: " + method + " " + PREFIX + path));
    }
  }

  private Job insert(String project, JsonNode body) {
    JsonNode configuration = body.path("configuration");
    JsonNode q = configuration.path("query");
    if (q.path("query").asText("").isBlank()) {
      throw new Failure(new BigQueryError(400, "invalid", "The emulator runs only query jobs with a query"));
    }
    JsonNode ref = body.path("jobReference");
    return jobs.submit(project, Optional.ofNullable(ref.path("jobId").textValue()), ref.path("location").asText("US"),
        q.path("query").asText(), configuration.path("labels"), configuration.path("dryRun").asBoolean(false),
        longField(q.path("maximumBytesBilled")));
  }

  private void query(HttpExchange exchange, String project, JsonNode body) throws IOException, SQLException {
    if (body.path("query").asText("").isBlank()) {
      throw new Failure(new BigQueryError(400, "invalid", "Required parameter is missing: query"));
    }
    Job job = jobs.submit(project, Optional.empty(), body.path("location").asText("US"), body.path("query").asText(),
        body.path("labels"), body.path("dryRun").asBoolean(false), longField(body.path("maximumBytesBilled")));
    failIfErrored(job);
    int size = body.hasNonNull("maxResults") ? body.get("maxResults").asInt() : DEFAULT_PAGE;
    boolean int64 = body.path("formatOptions").path("useInt64Timestamp").asBoolean(false);
    HttpJson.send(exchange, 200, BigQueryJobs.queryResponse(job, "bigquery#queryResponse", 0, size, int64));
  }

  private static void failIfErrored(Job job) {
    job.error().ifPresent(e -> {
      throw new Failure(e);
    });
  }

  private Job job(String jobId) {
    return jobs.find(jobId).orElseThrow(() -> new Failure(new BigQueryError(404, "notFound",
        "Not found: Job " + jobId)));
  }

  private void tableData(HttpExchange exchange, String project, String datasetId, String tableId,
      Map<String, String> query) throws IOException, SQLException {
    ObjectNode node = Json.MAPPER.createObjectNode().put("kind", "bigquery#tableDataList");
    long start = start(query);
    int size = pageSize(query);
    boolean int64 = int64(query);
    if (datasetId.equals(BigQueryJobs.RESULTS_DATASET)) {
      Job job = jobs.byAnonymousTable(tableId).orElseThrow(() -> notFound("Table " + project + ":" + datasetId
          + "." + tableId));
      BigQueryJobs.page(node, job.result().orElseThrow().rows(), start, size, int64, "pageToken");
    } else {
      Table table = table(datasetId, tableId);
      List<List<Object>> rows = tables.rows(table, start, size);
      node.put("totalRows", Long.toString(table.rows()));
      ArrayNode out = node.putArray("rows");
      for (List<Object> row : rows) {
        out.add(BigQueryWire.row(row, int64));
      }
      if (start + rows.size() < table.rows()) {
        node.put("pageToken", Long.toString(start + rows.size()));
      }
    }
    HttpJson.send(exchange, 200, node);
  }

  private Table table(String datasetId, String tableId) {
    checkDataset(datasetId);
    return tables.find(tableId).orElseThrow(() -> notFound("Table " + datasetId + "." + tableId));
  }

  private void checkDataset(String datasetId) {
    if (!datasetId.equals(dataset)) {
      throw notFound("Dataset " + datasetId + " (the emulator serves dataset " + dataset + ")");
    }
  }

  private static Failure notFound(String what) {
    return new Failure(new BigQueryError(404, "notFound", "Not found: " + what));
  }

  private ObjectNode datasetResource(String project, String datasetId) {
    checkDataset(datasetId);
    ObjectNode node = Json.MAPPER.createObjectNode().put("kind", "bigquery#dataset")
        .put("id", project + ":" + datasetId).put("location", "US");
    node.putObject("datasetReference").put("projectId", project).put("datasetId", datasetId);
    return node;
  }

  private ObjectNode tableList(String project, String datasetId, Map<String, String> query) {
    checkDataset(datasetId);
    List<Table> all = tables.all();
    int from = (int) Math.min(all.size(), start(query));
    int to = (int) Math.min(all.size(), (long) from + pageSize(query));
    ObjectNode node = Json.MAPPER.createObjectNode().put("kind", "bigquery#tableList").put("totalItems", all.size());
    ArrayNode list = node.putArray("tables");
    for (Table table : all.subList(from, to)) {
      ObjectNode item = list.addObject().put("kind", "bigquery#table").put("type", "TABLE")
          .put("id", project + ":" + datasetId + "." + table.name());
      item.putObject("tableReference").put("projectId", project).put("datasetId", datasetId)
          .put("tableId", table.name());
    }
    if (to < all.size()) {
      node.put("nextPageToken", Integer.toString(to));
    }
    return node;
  }

  private static ObjectNode tableResource(String project, Table table) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("kind", "bigquery#table").put("type", "TABLE")
        .put("location", "US").put("numRows", Long.toString(table.rows())).put("numBytes", Long.toString(table.bytes()))
        .put("lastModifiedTime", Long.toString(table.lastModifiedMillis()))
        .put("creationTime", Long.toString(table.lastModifiedMillis()));
    node.putObject("tableReference").put("projectId", project).put("tableId", table.name());
    node.set("schema", BigQueryTables.schema(table));
    return node;
  }

  /** Where a page starts: {@code pageToken} (our tokens are row offsets), else {@code startIndex}, else 0. */
  private static long start(Map<String, String> query) {
    String token = query.getOrDefault("pageToken", query.getOrDefault("startIndex", "0"));
    try {
      return Math.max(0, Long.parseLong(token));
    } catch (NumberFormatException e) {
      throw new Failure(new BigQueryError(400, "invalid", "Invalid page token: " + token));
    }
  }

  private static int pageSize(Map<String, String> query) {
    String value = query.get("maxResults");
    return value == null ? DEFAULT_PAGE : Math.max(0, Math.min(DEFAULT_PAGE * 10, Integer.parseInt(value)));
  }

  private static boolean int64(Map<String, String> query) {
    return Boolean.parseBoolean(query.getOrDefault("formatOptions.useInt64Timestamp", "false"));
  }

  /** The client library gzips request bodies. */
  private static byte[] gunzipped(HttpExchange exchange, byte[] body) throws IOException {
    if (!"gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding")) || body.length == 0) {
      return body;
    }
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  private static Optional<Long> longField(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node.asLong());
  }

  private static void sendError(HttpExchange exchange, BigQueryError error) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ObjectNode e = body.putObject("error").put("code", error.code()).put("message", error.message())
        .put("status", error.code() == 403 ? "PERMISSION_DENIED" : error.code() == 404 ? "NOT_FOUND"
            : error.code() == 400 ? "INVALID_ARGUMENT" : "INTERNAL");
    e.putArray("errors").add(BigQueryJobs.errorNode(error).put("domain", "global"));
    HttpJson.send(exchange, error.code(), body);
  }
}
