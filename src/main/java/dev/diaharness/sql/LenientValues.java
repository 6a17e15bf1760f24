package dev.diaharness.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The value rewrites of the lenient comparison ({@link PolicyComparator}): numeric text read as numbers, and numbers
 * rounded to a number of decimals (half away from zero, as BigQuery's ROUND). Each returns a new table. Stateless.
 */
final class LenientValues {
  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  /** beyond this, decimals are float noise, not a precision anybody asked for */
  private static final int MAX_DECIMALS = 9;

  private LenientValues() {}

  /** Text that is a number ({@code '2025'}, {@code ' 3.50 '}) becomes that number. */
  static ResultTable numericText(ResultTable t) {
    return map(t, v -> v instanceof String s && NUMBER.matcher(s.strip()).matches()
        ? (Object) Double.valueOf(s.strip()) : v);
  }

  /** The most decimals any non-integer number of the table shows (0 when all are whole), at most 9. */
  static int decimals(ResultTable t) {
    int max = 0;
    for (List<Object> row : t.rows()) {
      for (Object v : row) {
        if (v instanceof Number n && !(v instanceof Long || v instanceof Integer || v instanceof Short
            || v instanceof Byte || v instanceof java.math.BigInteger)) {
          double d = n.doubleValue();
          if (Double.isFinite(d)) {
            max = Math.max(max, Math.min(MAX_DECIMALS,
                Math.max(0, BigDecimal.valueOf(d).stripTrailingZeros().scale())));
          }
        }
      }
    }
    return max;
  }

  /** Every finite number rounded to {@code decimals} places, half away from zero. */
  static ResultTable round(ResultTable t, int decimals) {
    return map(t, v -> v instanceof Number n && Double.isFinite(n.doubleValue())
        ? (Object) BigDecimal.valueOf(n.doubleValue()).setScale(decimals, RoundingMode.HALF_UP).doubleValue() : v);
  }

  /** Same values, compared as the comparator does (a Long 3 and a Double 3.0 are the same). */
  static boolean sameValues(ResultTable a, ResultTable b) {
    if (a.rowCount() != b.rowCount()) {
      return false;
    }
    for (int i = 0; i < a.rowCount(); i++) {
      List<Object> x = a.rows().get(i);
      List<Object> y = b.rows().get(i);
      for (int j = 0; j < x.size(); j++) {
        if (!Objects.equals(ComparableValues.canonical(x.get(j)), ComparableValues.canonical(y.get(j)))) {
          return false;
        }
      }
    }
    return true;
  }

  private static ResultTable map(ResultTable t, java.util.function.UnaryOperator<Object> f) {
    List<List<Object>> rows = new ArrayList<>(t.rowCount());
    for (List<Object> row : t.rows()) {
      List<Object> out = new ArrayList<>(row.size());
      for (Object v : row) {
        out.add(f.apply(v));
      }
      rows.add(out);
    }
    return new ResultTable(t.columns(), rows, t.truncated());
  }
}
