package dev.diaharness.emulator;

import dev.diaharness.sql.EmbeddedDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs an answer's SQL on the embedded database and says in one sentence what it returned ("The query returned 3
 * rows: …") or why it failed ("The query failed: …") — a failure is part of the answer, never an error of the call.
 * BigQuery table names are mapped to the loaded tables by a minimal rewrite ({@code `project.dataset.orders`} →
 * {@code orders}); a full BigQuery → DuckDB translation is not done here. Thread-safe: one connection per call.
 */
final class SqlSummary {
  private static final int SHOWN_ROWS = 5;
  private static final int COUNTED_ROWS = 10_000;
  private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
  private static final Pattern DOTTED = Pattern.compile("(?<![\\w.`])(?:[A-Za-z_][\\w-]*\\.){1,2}([A-Za-z_]\\w*)(?![\\w(])");

  private final Optional<EmbeddedDatabase> database;
  private final Set<String> tables;

  SqlSummary(Optional<EmbeddedDatabase> database) {
    this.database = database;
    this.tables = database.map(d -> d.tables().keySet()).orElse(Set.of());
  }

  String summarize(String sql) {
    if (database.isEmpty()) {
      return "No data is loaded, so the query was not run.";
    }
    try (Connection connection = database.get().newConnection();
        Statement statement = connection.createStatement()) {
      statement.setMaxRows(COUNTED_ROWS);
      try (ResultSet rs = statement.executeQuery(mapTableNames(sql))) {
        return describe(rs);
      }
    } catch (SQLException e) {
      return "The query failed: " + firstLine(e.getMessage());
    }
  }

  /** Qualified BigQuery names of loaded tables become the bare table names DuckDB knows. */
  String mapTableNames(String sql) {
    StringBuilder out = new StringBuilder();
    Matcher m = BACKTICKED.matcher(sql);
    while (m.find()) {
      String inner = m.group(1);
      String last = inner.substring(inner.lastIndexOf('.') + 1);
      m.appendReplacement(out, Matcher.quoteReplacement(inner.contains(".") ? last : inner));
    }
    m.appendTail(out);
    Matcher d = DOTTED.matcher(out.toString());
    StringBuilder result = new StringBuilder();
    while (d.find()) {
      // only a name ending in a loaded table is a qualified table; "o.amount" is an alias and a column
      String replacement = tables.contains(d.group(1).toLowerCase(Locale.ROOT)) ? d.group(1) : d.group();
      d.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    d.appendTail(result);
    return result.toString();
  }

  private static String describe(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<String> shown = new ArrayList<>();
    int count = 0;
    while (rs.next()) {
      if (count < SHOWN_ROWS) {
        List<String> cells = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          cells.add(format(rs.getObject(c)));
        }
        shown.add(cells.size() == 1 ? cells.get(0) : cells.stream().collect(Collectors.joining(", ", "(", ")")));
      }
      count++;
    }
    if (count == 0) {
      return "The query returned no rows.";
    }
    String rows = count == 1 ? "1 row" : (count >= COUNTED_ROWS ? "at least " : "") + count + " rows";
    String more = count > SHOWN_ROWS ? "; …" : "";
    return "The query returned " + rows + ": " + String.join("; ", shown) + more + ".";
  }

  private static String format(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      BigDecimal d = new BigDecimal(value.toString());
      return d.setScale(Math.min(2, Math.max(0, d.scale())), java.math.RoundingMode.HALF_UP).toPlainString();
    }
    return value.toString();
  }

  private static String firstLine(String message) {
    String line = message == null ? "unknown error" : message.strip().lines().findFirst().orElse("unknown error");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
