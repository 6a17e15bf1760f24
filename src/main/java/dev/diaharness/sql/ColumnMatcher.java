package dev.diaharness.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds which actual column holds each expected column, by values alone: names and column order are ignored. First
 * every pair of columns is checked for the same value multiset (or the same value sequence when order matters);
 * only assignments built from compatible pairs are verified row by row, at most {@link #MAX_VERIFICATIONS} of them.
 * Not thread-safe; one instance per comparison.
 */
final class ColumnMatcher {
  static final int MAX_VERIFICATIONS = 64;
  private static final int MAX_SEARCH_NODES = 20_000;

  /**
   * @param mapping expected column i lives in actual column mapping[i]; empty when no assignment verified
   * @param tried full assignments verified
   * @param fallback best-effort mapping for evidence (-1 = no actual column), used when {@code mapping} is empty
   * @param compatible compatible[i] = expected column i has the same values as some actual column
   */
  record Match(Optional<int[]> mapping, int tried, int[] fallback, boolean[] compatible) {}

  private final List<String> expectedNames;
  private final List<String> actualNames;
  private final List<Object[]> expected;
  private final List<Object[]> actual;
  private final boolean ordered;
  private final double tolerance;
  private final int m;
  private final int n;
  private boolean[][] compat;
  private int tried;
  private int nodes;

  ColumnMatcher(List<String> expectedNames, List<Object[]> expected, List<String> actualNames, List<Object[]> actual,
      boolean ordered, double tolerance) {
    this.expectedNames = expectedNames;
    this.actualNames = actualNames;
    this.expected = expected;
    this.actual = actual;
    this.ordered = ordered;
    this.tolerance = tolerance;
    this.m = expectedNames.size();
    this.n = actualNames.size();
  }

  Match find() {
    compat = compatibility();
    boolean[] anyCompatible = new boolean[m];
    int[][] candidates = new int[m][];
    for (int i = 0; i < m; i++) {
      candidates[i] = candidates(i);
      anyCompatible[i] = candidates[i].length > 0;
    }
    Optional<int[]> mapping = Optional.empty();
    if (m <= n && expected.size() == actual.size()) {
      Integer[] order = new Integer[m];
      for (int i = 0; i < m; i++) {
        order[i] = i;
      }
      // most constrained column first: fewest candidates prunes the search soonest
      Arrays.sort(order, Comparator.comparingInt(i -> candidates[i].length));
      int[] assign = new int[m];
      if (search(0, order, candidates, assign, new boolean[n])) {
        mapping = Optional.of(assign);
      }
    }
    return new Match(mapping, tried, mapping.orElseGet(this::fallback), anyCompatible);
  }

  private boolean[][] compatibility() {
    boolean[][] c = new boolean[m][n];
    if (expected.size() != actual.size()) {
      return c;
    }
    Object[][] e = columns(expected, m);
    Object[][] a = columns(actual, n);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        c[i][j] = sameColumn(e[i], a[j]);
      }
    }
    return c;
  }

  /** Column-major copies; sorted when order does not matter, so equal multisets line up. */
  private Object[][] columns(List<Object[]> rows, int width) {
    Object[][] cols = new Object[width][rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      Object[] row = rows.get(r);
      for (int c = 0; c < width; c++) {
        cols[c][r] = row[c];
      }
    }
    if (!ordered) {
      for (Object[] col : cols) {
        Arrays.sort(col, ComparableValues.ORDER);
      }
    }
    return cols;
  }

  private boolean sameColumn(Object[] x, Object[] y) {
    for (int k = 0; k < x.length; k++) {
      if (!ComparableValues.same(x[k], y[k], tolerance)) {
        return false;
      }
    }
    return true;
  }

  /** Compatible actual columns for expected column i: same position first, then same name, then the rest. */
  private int[] candidates(int i) {
    List<Integer> out = new ArrayList<>();
    if (i < n && compat[i][i]) {
      out.add(i);
    }
    for (int j = 0; j < n; j++) {
      if (compat[i][j] && !out.contains(j) && sameName(i, j)) {
        out.add(j);
      }
    }
    for (int j = 0; j < n; j++) {
      if (compat[i][j] && !out.contains(j)) {
        out.add(j);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private boolean sameName(int i, int j) {
    return expectedNames.get(i).toLowerCase(Locale.ROOT).equals(actualNames.get(j).toLowerCase(Locale.ROOT));
  }

  private boolean search(int depth, Integer[] order, int[][] candidates, int[] assign, boolean[] used) {
    if (++nodes > MAX_SEARCH_NODES || tried >= MAX_VERIFICATIONS) {
      return false;
    }
    if (depth == m) {
      tried++;
      return verify(assign);
    }
    int col = order[depth];
    for (int j : candidates[col]) {
      if (!used[j]) {
        used[j] = true;
        assign[col] = j;
        if (search(depth + 1, order, candidates, assign, used)) {
          return true;
        }
        used[j] = false;
      }
    }
    return false;
  }

  private boolean verify(int[] assign) {
    List<Object[]> projected = project(actual, assign);
    return ordered
        ? RowDiff.firstDifference(expected, projected, tolerance) < 0
        : RowDiff.of(expected, projected, tolerance).isEmpty();
  }

  static List<Object[]> project(List<Object[]> rows, int[] columns) {
    List<Object[]> out = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      out.add(ComparableValues.project(row, columns));
    }
    return out;
  }

  /** Greedy best effort for evidence: a compatible column, else the same name, else the same position. */
  private int[] fallback() {
    int[] map = new int[m];
    boolean[] used = new boolean[n];
    for (int i = 0; i < m; i++) {
      map[i] = pick(i, used);
      if (map[i] >= 0) {
        used[map[i]] = true;
      }
    }
    return map;
  }

  private int pick(int i, boolean[] used) {
    for (int j = 0; j < n; j++) {
      if (!used[j] && compat[i][j]) {
        return j;
      }
    }
    for (int j = 0; j < n; j++) {
      if (!used[j] && sameName(i, j)) {
        return j;
      }
    }
    if (i < n && !used[i]) {
      return i;
    }
    for (int j = 0; j < n; j++) {
      if (!used[j]) {
        return j;
      }
    }
    return -1;
  }
}
