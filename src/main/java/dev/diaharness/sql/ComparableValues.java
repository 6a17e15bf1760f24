package dev.diaharness.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns result values into a small set of comparable forms and compares them: every number becomes a double, a DATE
 * becomes a timestamp at midnight (so DATE '2024-01-01' equals TIMESTAMP '2024-01-01 00:00:00'), anything exotic
 * becomes its text. Stateless and thread-safe.
 */
final class ComparableValues {
  private ComparableValues() {}

  /** A total order over canonical values: NULL, booleans, numbers, timestamps, times, strings. */
  static final Comparator<Object> ORDER = ComparableValues::compare;

  static Object[] canonicalRow(List<Object> row) {
    Object[] out = new Object[row.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = canonical(row.get(i));
    }
    return out;
  }

  static Object canonical(Object v) {
    if (v == null || v instanceof Boolean || v instanceof String || v instanceof LocalDateTime
        || v instanceof LocalTime) {
      return v;
    }
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof LocalDate) {
      return ((LocalDate) v).atStartOfDay();
    }
    if (v instanceof java.sql.Timestamp) {
      return ((java.sql.Timestamp) v).toLocalDateTime();
    }
    if (v instanceof java.sql.Date) {
      return ((java.sql.Date) v).toLocalDate().atStartOfDay();
    }
    if (v instanceof java.sql.Time) {
      return ((java.sql.Time) v).toLocalTime();
    }
    if (v instanceof OffsetDateTime) {
      return ((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (v instanceof ZonedDateTime) {
      return ((ZonedDateTime) v).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (v instanceof byte[]) {
      return HexFormat.of().formatHex((byte[]) v);
    }
    if (v instanceof Character) {
      return v.toString();
    }
    return String.valueOf(v);
  }

  private static int rank(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof Boolean) {
      return 1;
    }
    if (v instanceof Double) {
      return 2;
    }
    if (v instanceof LocalDateTime) {
      return 3;
    }
    return v instanceof LocalTime ? 4 : 5;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb || ra == 0) {
      return Integer.compare(ra, rb);
    }
    return ((Comparable) a).compareTo(b);
  }

  static int compareRows(Object[] a, Object[] b) {
    for (int i = 0; i < a.length; i++) {
      int c = compare(a[i], b[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Equality of canonical values: numbers within the relative tolerance, NULL only with NULL, the rest exact. */
  static boolean same(Object a, Object b, double tolerance) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Double && b instanceof Double) {
      return closeEnough((Double) a, (Double) b, tolerance);
    }
    return a.equals(b);
  }

  static boolean closeEnough(double a, double b, double tolerance) {
    if (a == b || (Double.isNaN(a) && Double.isNaN(b))) {
      return true;
    }
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      return false; // +Infinity is not "close" to every number under a relative tolerance, NaN to nothing
    }
    // the 1e-3 floor keeps values near zero (0 vs 1e-15 from float noise) from needing an exact match
    return Math.abs(a - b) <= tolerance * Math.max(1e-3, Math.max(Math.abs(a), Math.abs(b)));
  }

  static boolean sameRow(Object[] a, Object[] b, double tolerance) {
    for (int i = 0; i < a.length; i++) {
      if (!same(a[i], b[i], tolerance)) {
        return false;
      }
    }
    return true;
  }

  /** A compact rendering for evidence: {@code (1, 'abc', 2024-01-01, NULL)}. */
  static String render(Object[] row) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < row.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(render(row[i]));
    }
    return sb.append(')').toString();
  }

  static String render(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof String) {
      String s = (String) v;
      return "'" + (s.length() > 60 ? s.substring(0, 57) + "…" : s) + "'";
    }
    if (v instanceof Double) {
      return renderNumber((Double) v);
    }
    if (v instanceof LocalDateTime && ((LocalDateTime) v).toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return ((LocalDateTime) v).toLocalDate().toString();
    }
    return v instanceof LocalDateTime ? v.toString().replace('T', ' ') : v.toString();
  }

  private static String renderNumber(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.toString(d);
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }

  static Object[] project(Object[] row, int[] columns) {
    Object[] out = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      out[i] = row[columns[i]];
    }
    return out;
  }

}
