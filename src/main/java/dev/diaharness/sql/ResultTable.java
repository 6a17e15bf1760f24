package dev.diaharness.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The rows a query returned, read into plain Java values (Long, Double/BigDecimal, String, Boolean, LocalDate,
 * LocalDateTime, null), with the column names as the engine reported them.
 *
 * @param truncated true when the row cap cut the result
 */
public record ResultTable(List<String> columns, List<List<Object>> rows, boolean truncated) {
  public ResultTable {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      Objects.requireNonNull(row, "row");
      // List.copyOf rejects nulls, and SQL results are full of them
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  public int rowCount() {
    return rows.size();
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }
}
