package dev.diaharness.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs of consecutive rows with equal ORDER BY keys in an ordered result: tied rows may come in any order, so an
 * ordered comparison becomes a multiset comparison of (row, run number) — rows must stay in their run. Stateless.
 */
final class TieGroups {
  private TieGroups() {}

  /** The run number of each row: it grows by one whenever a key column differs from the row before. */
  static List<Long> of(ResultTable t, List<Integer> keyColumns) {
    List<Long> out = new ArrayList<>(t.rowCount());
    long group = 0;
    for (int i = 0; i < t.rowCount(); i++) {
      if (i > 0 && !sameKey(t.rows().get(i - 1), t.rows().get(i), keyColumns)) {
        group++;
      }
      out.add(group);
    }
    return out;
  }

  static boolean sameKey(List<Object> a, List<Object> b, List<Integer> keyColumns) {
    for (int k : keyColumns) {
      if (!ComparableValues.same(ComparableValues.canonical(a.get(k)), ComparableValues.canonical(b.get(k)), 0)) {
        return false;
      }
    }
    return true;
  }

  /** The table with the run numbers as one more column (rows beyond the groups get -1). */
  static ResultTable withGroups(ResultTable t, List<Long> groups) {
    List<String> columns = new ArrayList<>(t.columns());
    columns.add(PolicyComparator.TIE_GROUP);
    List<List<Object>> rows = new ArrayList<>(t.rowCount());
    for (int i = 0; i < t.rowCount(); i++) {
      List<Object> row = new ArrayList<>(t.rows().get(i));
      row.add(i < groups.size() ? groups.get(i) : -1L);
      rows.add(row);
    }
    return new ResultTable(columns, rows, t.truncated());
  }
}
