package dev.diaharness.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the result of an expected query with the result of a generated one, the way SPEC §4 step 4 asks: rows
 * as a multiset (a sequence only when {@link ComparisonOptions#orderMatters()}), columns matched by their values
 * (names and column order ignored), numbers within a relative tolerance (Long, Double and BigDecimal alike), DATE
 * equal to a TIMESTAMP at midnight, strings exact, NULL equal only to NULL. Strict and lenient column modes are both
 * computed; the options pick the verdict. Stateless and thread-safe.
 */
public final class ResultComparator {
  /** Differing rows shown per side in the evidence. */
  static final int SHOWN_ROWS = 5;

  private ResultComparator() {}

  public static ResultComparison compare(ResultTable expected, ResultTable actual, ComparisonOptions options) {
    List<Object[]> e = canonical(expected);
    List<Object[]> a = canonical(actual);
    int m = expected.columns().size();
    int n = actual.columns().size();
    ColumnMatcher.Match match = new ColumnMatcher(expected.columns(), e, actual.columns(), a,
        options.orderMatters(), options.relativeTolerance()).find();
    boolean lenient = match.mapping().isPresent();
    boolean strict = lenient && m == n;
    boolean equal = options.lenientColumns() ? lenient : strict;
    boolean vacuous = e.isEmpty() && a.isEmpty();

    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("expectedRowCount", e.size());
    ev.put("actualRowCount", a.size());
    ev.put("expectedColumns", expected.columns());
    ev.put("actualColumns", actual.columns());
    ev.put("ordered", options.orderMatters());
    ev.put("columnMode", options.lenientColumns() ? "lenient" : "strict");
    ev.put("strictEqual", strict);
    ev.put("lenientEqual", lenient);
    ev.put("vacuous", vacuous);
    ev.put("columnMapping", describeMapping(expected.columns(), actual.columns(), match.fallback()));
    ev.put("columnMappingsTried", match.tried());
    if (expected.truncated() || actual.truncated()) {
      ev.put("truncated", true);
    }
    String summary;
    if (lenient) {
      summary = equalSummary(actual.columns(), match.fallback(), strict, vacuous, e.size(), ev);
    } else {
      summary = new MismatchEvidence(expected, actual, e, a, match, options).describeInto(ev);
    }
    return new ResultComparison(equal, strict, lenient, vacuous, summary, ev);
  }

  private static List<Object[]> canonical(ResultTable table) {
    List<Object[]> rows = new ArrayList<>(table.rowCount());
    for (List<Object> row : table.rows()) {
      rows.add(ComparableValues.canonicalRow(row));
    }
    return rows;
  }

  private static String equalSummary(
      List<String> actualColumns, int[] mapping, boolean strict, boolean vacuous, int rows, Map<String, Object> ev) {
    if (vacuous) {
      return "both results are empty (vacuous: says nothing about the queries)";
    }
    if (strict) {
      return "same " + rows + " row(s)";
    }
    List<String> extra = new ArrayList<>(actualColumns);
    for (int j : mapping) {
      extra.set(j, null);
    }
    extra.removeIf(x -> x == null);
    ev.put("extraActualColumns", extra);
    return "same " + rows + " row(s) on the expected columns; actual has extra column(s) " + extra;
  }

  static List<String> describeMapping(List<String> expectedColumns, List<String> actualColumns, int[] mapping) {
    List<String> out = new ArrayList<>(mapping.length);
    for (int i = 0; i < mapping.length; i++) {
      String target = mapping[i] < 0 ? "(none)" : actualColumns.get(mapping[i]) + "#" + (mapping[i] + 1);
      out.add(expectedColumns.get(i) + "#" + (i + 1) + "->" + target);
    }
    return out;
  }
}
