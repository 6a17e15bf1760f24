package dev.diaharness.emulator;

import dev.diaharness.sql.EmbeddedDatabase;
import dev.diaharness.sql.ExecutionResult;
import dev.diaharness.sql.ResultTable;
import dev.diaharness.sql.SandboxLimits;
import dev.diaharness.sql.SandboxedExecutor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs an answer's SQL on the embedded database and says in one sentence what it returned ("The query returned 3
 * rows: …") or why it failed ("The query failed: …") — a failure is part of the answer, never an error of the call.
 * The SQL is BigQuery, translated and run in the same sandbox as scoring: a brain backed by a model writes
 * untrusted SQL. Thread-safe.
 */
final class SqlSummary {
  private static final int SHOWN_ROWS = 5;
  private static final SandboxLimits LIMITS = SandboxLimits.DEFAULT.withMaxRows(10_000);

  private final Optional<SandboxedExecutor> executor;

  /** Locks the database down for untrusted SQL: build whatever reads it freely (the brain's catalog) first. */
  SqlSummary(Optional<EmbeddedDatabase> database) {
    this.executor = database.map(db -> new SandboxedExecutor(db, LIMITS));
  }

  String summarize(String sql) {
    if (executor.isEmpty()) {
      return "No data is loaded, so the query was not run.";
    }
    ExecutionResult result = executor.get().executeBigQuery(sql);
    if (result instanceof ExecutionResult.Rows rows) {
      return describe(rows.table());
    }
    return "The query failed: " + QueryFailure.message(result);
  }

  private static String describe(ResultTable table) {
    int count = table.rowCount();
    if (count == 0) {
      return "The query returned no rows.";
    }
    List<String> shown = new ArrayList<>();
    for (List<Object> row : table.rows().subList(0, Math.min(SHOWN_ROWS, count))) {
      List<String> cells = row.stream().map(SqlSummary::format).toList();
      shown.add(cells.size() == 1 ? cells.get(0) : cells.stream().collect(Collectors.joining(", ", "(", ")")));
    }
    String rows = count == 1 ? "1 row" : (table.truncated() ? "at least " : "") + count + " rows";
    String more = count > SHOWN_ROWS ? "; …" : "";
    return "The query returned " + rows + ": " + String.join("; ", shown) + more + ".";
  }

  private static String format(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      BigDecimal d = new BigDecimal(value.toString());
      return d.setScale(Math.min(2, Math.max(0, d.scale())), RoundingMode.HALF_UP).toPlainString();
    }
    return value.toString();
  }
}
