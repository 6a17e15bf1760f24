package dev.diaharness.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The LIMIT-tie rule of the lenient comparison: when the expected query's last row (its cut-off) ties on the ORDER BY
 * keys with rows the LIMIT cut away, any choice among the tied rows is right. The answer must hold every expected row
 * above the cut-off key and fill the rest with rows tied at it (in order, when order matters). Columns are matched by
 * values as elsewhere, trying each assignment of answer columns to expected ones (at most {@value #MAX_MAPPINGS}).
 * Stateless.
 */
final class LimitTie {
  static final int MAX_MAPPINGS = 5040;
  private static final double TOLERANCE = ComparisonOptions.DEFAULTS.relativeTolerance();

  private LimitTie() {}

  /**
   * @param expected the expected rows (LIMIT applied)
   * @param full the expected query's rows without the LIMIT, in its order
   * @param actual the answer's rows
   */
  static boolean accepts(ResultTable expected, ResultTable full, ResultTable actual, List<Integer> keys,
      boolean ordered) {
    int n = expected.rowCount();
    if (n == 0 || actual.rowCount() != n || actual.columns().size() < expected.columns().size()) {
      return false;
    }
    List<Object> cut = expected.rows().get(n - 1);
    List<Object[]> above = new ArrayList<>();
    for (List<Object> row : expected.rows()) {
      if (!TieGroups.sameKey(row, cut, keys)) {
        above.add(ComparableValues.canonicalRow(row));
      }
    }
    List<Object[]> candidates = new ArrayList<>(above);
    for (List<Object> row : full.rows()) {
      if (row.size() == cut.size() && TieGroups.sameKey(row, cut, keys)) {
        candidates.add(ComparableValues.canonicalRow(row));
      }
    }
    if (candidates.size() - above.size() <= n - above.size()) {
      return false; // nothing was cut away at the tie: the plain comparison already decided
    }
    List<Object[]> a = new ArrayList<>();
    actual.rows().forEach(row -> a.add(ComparableValues.canonicalRow(row)));
    List<Object[]> e = new ArrayList<>();
    expected.rows().forEach(row -> e.add(ComparableValues.canonicalRow(row)));
    List<Long> groups = TieGroups.of(expected, keys);
    int[] mapping = new int[expected.columns().size()];
    return search(0, mapping, new boolean[actual.columns().size()], new int[] {0},
        m -> fits(m, a, e, above.size(), candidates, groups, ordered));
  }

  private static boolean fits(int[] mapping, List<Object[]> actual, List<Object[]> expected, int aboveCount,
      List<Object[]> candidates, List<Long> groups, boolean ordered) {
    List<Object[]> projected = ColumnMatcher.project(actual, mapping);
    RowDiff diff = RowDiff.of(candidates, projected, TOLERANCE);
    if (!diff.extra().isEmpty() || diff.missing().stream().anyMatch(i -> i < aboveCount)) {
      return false;
    }
    if (!ordered) {
      return true;
    }
    // the rows above the cut-off keep their place, run by run (ties among them in any order)
    int start = 0;
    while (start < aboveCount) {
      int end = start;
      while (end < aboveCount && groups.get(end).equals(groups.get(start))) {
        end++;
      }
      if (!RowDiff.of(expected.subList(start, end), projected.subList(start, end), TOLERANCE).isEmpty()) {
        return false;
      }
      start = end;
    }
    return true;
  }

  private static boolean search(int column, int[] mapping, boolean[] used, int[] tried,
      java.util.function.Predicate<int[]> test) {
    if (column == mapping.length) {
      tried[0]++;
      return test.test(mapping);
    }
    for (int j = 0; j < used.length && tried[0] < MAX_MAPPINGS; j++) {
      if (!used[j]) {
        used[j] = true;
        mapping[column] = j;
        if (search(column + 1, mapping, used, tried, test)) {
          return true;
        }
        used[j] = false;
      }
    }
    return false;
  }
}
