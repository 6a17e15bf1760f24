package dev.diaharness.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a set file before they become {@link GoldenCase}s, whatever the file format: cells keyed by their
 * normalised column name ({@link #normalise}), values as JSON nodes (text for CSV, text or booleans for XLSX,
 * anything for JSON). Immutable.
 *
 * @param columns the column names as found in the file, for error messages
 */
record RawTable(List<String> columns, List<Row> rows) {
  RawTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /**
   * One data row.
   *
   * @param number   1-based among the data rows (a header does not count)
   * @param location how a user finds it: {@code row 3}, {@code row 3 (line 5)}, {@code row 3 (sheet row 4)}
   */
  record Row(int number, String location, Map<String, JsonNode> cells) {
    Row {
      cells = Map.copyOf(cells);
    }
  }

  /**
   * A column name as the Python tool compares them: trimmed, lower-cased, {@code _} and {@code -} read as spaces
   * (runs of spaces collapsed), so {@code NL_Question}, {@code nl-question} and {@code nl question} are one name.
   */
  static String normalise(String column) {
    return column.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ");
  }
}
