package dev.diaharness.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the evidence for two results that differ: row counts, columns no actual column matches, and the smallest
 * rows missing from actual and extra in actual under the best-effort column mapping (or, when order matters, the
 * first differing position). Not thread-safe; one instance per comparison.
 */
final class MismatchEvidence {
  private final ResultTable expected;
  private final ResultTable actual;
  private final List<Object[]> e;
  private final List<Object[]> a;
  private final ColumnMatcher.Match match;
  private final ComparisonOptions options;

  MismatchEvidence(ResultTable expected, ResultTable actual, List<Object[]> e, List<Object[]> a,
      ColumnMatcher.Match match, ComparisonOptions options) {
    this.expected = expected;
    this.actual = actual;
    this.e = e;
    this.a = a;
    this.match = match;
    this.options = options;
  }

  /** Adds the details to {@code ev} and returns the one-line summary. */
  String describeInto(Map<String, Object> ev) {
    int m = expected.columns().size();
    int n = actual.columns().size();
    if (n < m) {
      ev.put("reason", "actual has " + n + " column(s), expected " + m);
    }
    if (e.size() == a.size()) {
      List<String> unmatched = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        if (!match.compatible()[i]) {
          unmatched.add(expected.columns().get(i));
        }
      }
      ev.put("unmatchedExpectedColumns", unmatched);
    }
    int[] expCols = mappedExpectedColumns(match.fallback());
    int[] actCols = new int[expCols.length];
    for (int k = 0; k < expCols.length; k++) {
      actCols[k] = match.fallback()[expCols[k]];
    }
    List<Object[]> ep = ColumnMatcher.project(e, expCols);
    List<Object[]> ap = ColumnMatcher.project(a, actCols);
    RowDiff diff = RowDiff.of(ep, ap, options.relativeTolerance());
    ev.put("missingFromActualCount", diff.missing().size());
    ev.put("extraInActualCount", diff.extra().size());
    ev.put("missingFromActual", render(e, diff.missing()));
    ev.put("extraInActual", render(a, diff.extra()));
    if (options.orderMatters() && diff.isEmpty() && expCols.length == m) {
      int k = RowDiff.firstDifference(ep, ap, options.relativeTolerance());
      if (k >= 0) {
        ev.put("firstDifferingPosition", k + 1);
        ev.put("expectedRowAt", ComparableValues.render(e.get(k)));
        ev.put("actualRowAt", ComparableValues.render(a.get(k)));
        return "same rows in a different order (first difference at row " + (k + 1) + ")";
      }
    }
    return summary(diff, m, n);
  }

  private String summary(RowDiff diff, int m, int n) {
    StringBuilder sb = new StringBuilder();
    if (n < m) {
      sb.append("actual has ").append(n).append(" column(s), expected ").append(m).append("; ");
    }
    if (diff.isEmpty()) {
      List<String> unmatched = unmatchedNames();
      return unmatched.isEmpty()
          ? sb.append("no column mapping verified within ").append(ColumnMatcher.MAX_VERIFICATIONS)
              .append(" tries").toString()
          : sb.append("no column of actual matches the values of ").append(unmatched).toString();
    }
    sb.append(diff.missing().size()).append(" row(s) missing from actual, ")
        .append(diff.extra().size()).append(" extra (expected ").append(e.size())
        .append(" rows, actual ").append(a.size()).append(')');
    if (!diff.missing().isEmpty()) {
      sb.append("; e.g. missing ").append(ComparableValues.render(e.get(diff.missing().get(0))));
    } else {
      sb.append("; e.g. extra ").append(ComparableValues.render(a.get(diff.extra().get(0))));
    }
    return sb.toString();
  }

  private List<String> unmatchedNames() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < match.compatible().length; i++) {
      if (!match.compatible()[i]) {
        out.add(expected.columns().get(i));
      }
    }
    return out;
  }

  private static int[] mappedExpectedColumns(int[] mapping) {
    return java.util.stream.IntStream.range(0, mapping.length).filter(i -> mapping[i] >= 0).toArray();
  }

  private static List<String> render(List<Object[]> rows, List<Integer> indices) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < Math.min(ResultComparator.SHOWN_ROWS, indices.size()); k++) {
      out.add(ComparableValues.render(rows.get(indices.get(k))));
    }
    return out;
  }
}
