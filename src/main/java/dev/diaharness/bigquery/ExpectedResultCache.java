package dev.diaharness.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.bigquery.TableId;
import dev.diaharness.core.AtomicFiles;
import dev.diaharness.core.Json;
import dev.diaharness.sql.ExecutionResult;
import dev.diaharness.sql.ResultTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Expected-SQL results of {@code --execute-on bigquery}, kept for the run in memory and across runs on disk
 * ({@code DIR/<key>.json}). The key is the SQL plus every table it reads with that table's
 * {@code lastModifiedTime}, so a changed table never serves an old result. Within a run a table's modification
 * time is asked once. Only results with rows are kept; a failure is asked again next time. Thread-safe.
 */
public final class ExpectedResultCache {
  private final Optional<Path> folder;
  private final Map<String, ExecutionResult> memory = new ConcurrentHashMap<>();
  private final Map<TableId, Long> modified = new ConcurrentHashMap<>();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  /** @param folder where results persist across runs; empty = this run only */
  public ExpectedResultCache(Optional<Path> folder) {
    this.folder = folder;
  }

  /** Lookups answered from the cache (memory or disk). */
  public long hits() {
    return hits.get();
  }

  /** Lookups that ran the query. */
  public long misses() {
    return misses.get();
  }

  ExecutionResult get(String sql, List<TableId> tables, Function<TableId, Long> lastModified,
      Supplier<ExecutionResult> run) {
    String key = key(sql, tables, lastModified);
    ExecutionResult known = memory.get(key);
    if (known == null) {
      known = read(key).orElse(null);
    }
    if (known != null) {
      hits.incrementAndGet();
      memory.putIfAbsent(key, known);
      return known;
    }
    misses.incrementAndGet();
    ExecutionResult result = run.get();
    if (result instanceof ExecutionResult.Rows rows) {
      memory.put(key, result);
      write(key, rows.table());
    }
    return result;
  }

  private String key(String sql, List<TableId> tables, Function<TableId, Long> lastModified) {
    StringBuilder text = new StringBuilder(sql.strip()).append('\n');
    for (TableId t : tables.stream().sorted(java.util.Comparator.comparing(TableId::toString)).toList()) {
      text.append(t.getProject()).append('.').append(t.getDataset()).append('.').append(t.getTable()).append('@')
          .append(modified.computeIfAbsent(t, lastModified)).append('\n');
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  private Optional<ExecutionResult> read(String key) {
    if (folder.isEmpty() || !Files.isRegularFile(folder.get().resolve(key + ".json"))) {
      return Optional.empty();
    }
    try {
      JsonNode node = Json.MAPPER.readTree(folder.get().resolve(key + ".json").toFile());
      List<String> columns = new ArrayList<>();
      node.path("columns").forEach(c -> columns.add(c.asText()));
      List<List<Object>> rows = new ArrayList<>();
      for (JsonNode row : node.path("rows")) {
        List<Object> values = new ArrayList<>();
        row.forEach(cell -> values.add(decode(cell)));
        rows.add(values);
      }
      return Optional.of(new ExecutionResult.Rows(new ResultTable(columns, rows, node.path("truncated").asBoolean())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // an unreadable entry is a miss; the query runs again and rewrites it
    }
  }

  private void write(String key, ResultTable table) {
    if (folder.isEmpty()) {
      return;
    }
    ObjectNode node = Json.MAPPER.createObjectNode().put("truncated", table.truncated());
    ArrayNode columns = node.putArray("columns");
    table.columns().forEach(columns::add);
    ArrayNode rows = node.putArray("rows");
    for (List<Object> row : table.rows()) {
      ArrayNode out = rows.addArray();
      row.forEach(v -> out.add(encode(v)));
    }
    try {
      Files.createDirectories(folder.get());
      AtomicFiles.writeJson(folder.get().resolve(key + ".json"), node);
    } catch (IOException | RuntimeException e) {
      // a cache that cannot be written only costs a query next time
    }
  }

  /** A cell as [type, text]: L long, D double, B boolean, d date, t datetime, T time, S string; null as null. */
  private static JsonNode encode(Object v) {
    if (v == null) {
      return Json.MAPPER.nullNode();
    }
    String type = v instanceof Long ? "L" : v instanceof Double ? "D" : v instanceof Boolean ? "B"
        : v instanceof LocalDate ? "d" : v instanceof LocalDateTime ? "t" : v instanceof LocalTime ? "T" : "S";
    return Json.MAPPER.createArrayNode().add(type).add(v.toString());
  }

  private static Object decode(JsonNode cell) {
    if (cell.isNull()) {
      return null;
    }
    String text = cell.get(1).asText();
    return switch (cell.get(0).asText()) {
      case "L" -> Long.parseLong(text);
      case "D" -> Double.parseDouble(text);
      case "B" -> Boolean.parseBoolean(text);
      case "d" -> LocalDate.parse(text);
      case "t" -> LocalDateTime.parse(text);
      case "T" -> LocalTime.parse(text);
      default -> text;
    };
  }
}
