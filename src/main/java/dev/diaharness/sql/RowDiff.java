package dev.diaharness.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of one (projected) result that the other lacks, as a multiset difference under the numeric tolerance.
 * Indices point into the lists given to {@link #of}, smallest rows first. Immutable.
 *
 * @param missing indices of expected rows with no partner in actual
 * @param extra indices of actual rows with no partner in expected
 */
record RowDiff(List<Integer> missing, List<Integer> extra) {
  /** Leftover pairs above this many are not re-matched one by one (keeps a huge mismatch cheap). */
  private static final long MAX_REMATCH_PAIRS = 250_000;

  boolean isEmpty() {
    return missing.isEmpty() && extra.isEmpty();
  }

  /**
   * Sort both sides and merge. Tolerance is not transitive, so near-equal numbers can sort apart from their
   * partners; leftovers are then matched pairwise, which settles every realistic case.
   */
  static RowDiff of(List<Object[]> expected, List<Object[]> actual, double tolerance) {
    Integer[] e = sortedIndices(expected);
    Integer[] a = sortedIndices(actual);
    List<Integer> missing = new ArrayList<>();
    List<Integer> extra = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < e.length && j < a.length) {
      Object[] er = expected.get(e[i]);
      Object[] ar = actual.get(a[j]);
      if (ComparableValues.sameRow(er, ar, tolerance)) {
        i++;
        j++;
      } else if (ComparableValues.compareRows(er, ar) < 0) {
        missing.add(e[i++]);
      } else {
        extra.add(a[j++]);
      }
    }
    missing.addAll(Arrays.asList(e).subList(i, e.length));
    extra.addAll(Arrays.asList(a).subList(j, a.length));
    if (tolerance > 0 && (long) missing.size() * extra.size() <= MAX_REMATCH_PAIRS) {
      rematch(expected, actual, missing, extra, tolerance);
    }
    return new RowDiff(List.copyOf(missing), List.copyOf(extra));
  }

  private static void rematch(
      List<Object[]> expected, List<Object[]> actual, List<Integer> missing, List<Integer> extra, double tol) {
    for (Iterator<Integer> m = missing.iterator(); m.hasNext(); ) {
      Object[] row = expected.get(m.next());
      for (Iterator<Integer> x = extra.iterator(); x.hasNext(); ) {
        if (ComparableValues.sameRow(row, actual.get(x.next()), tol)) {
          x.remove();
          m.remove();
          break;
        }
      }
    }
  }

  private static Integer[] sortedIndices(List<Object[]> rows) {
    Integer[] idx = new Integer[rows.size()];
    for (int k = 0; k < idx.length; k++) {
      idx[k] = k;
    }
    Arrays.sort(idx, (x, y) -> ComparableValues.compareRows(rows.get(x), rows.get(y)));
    return idx;
  }

  /** The first position where two row sequences differ, or -1 when they are equal. */
  static int firstDifference(List<Object[]> expected, List<Object[]> actual, double tolerance) {
    int n = Math.min(expected.size(), actual.size());
    for (int k = 0; k < n; k++) {
      if (!ComparableValues.sameRow(expected.get(k), actual.get(k), tolerance)) {
        return k;
      }
    }
    return expected.size() == actual.size() ? -1 : n;
  }
}
