package dev.diaharness.report;

import java.util.Locale;

/**
 * The one formatter of numbers in reports and charts: fractions 0–1 shown as percentages with one decimal, point
 * differences with a sign, money in USD. Locale-independent (a report reads the same on every machine). Stateless.
 */
public final class Fmt {
  private Fmt() {}

  /** 0.725 → "72.5%". */
  public static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  /** The 95% interval of a fraction: "[60.0%, 80.0%]". */
  public static String interval(double low, double high) {
    return "[" + pct(low) + ", " + pct(high) + "]";
  }

  /** A change between two fractions in percentage points: "+5.0 pts", "-2.5 pts", "±0.0 pts". */
  public static String points(double fromFraction, double toFraction) {
    double d = (toFraction - fromFraction) * 100;
    if (Math.abs(d) < 0.05) {
      return "±0.0 pts";
    }
    return String.format(Locale.ROOT, "%+.1f pts", d);
  }

  /** A difference in percentage points, unsigned formatting of an absolute value: "12.5". */
  public static String pointsValue(double fractionDifference) {
    return String.format(Locale.ROOT, "%.1f", fractionDifference * 100);
  }

  public static String usd(double usd) {
    return String.format(Locale.ROOT, "$%.4f", usd);
  }

  /** A plain number with one decimal: 12.34 → "12.3". */
  public static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** A whole count with no grouping: 12000 → "12000". */
  public static String count(double value) {
    return String.format(Locale.ROOT, "%.0f", value);
  }

  /** "2/3" passes of repeats. */
  public static String ratio(long part, long whole) {
    return part + "/" + whole;
  }

  /** The first 12 characters of a hash, or "-" when there is none. */
  public static String hashPrefix(String hash) {
    if (hash == null || hash.isEmpty()) {
      return "-";
    }
    return hash.length() <= 12 ? hash : hash.substring(0, 12);
  }

  /** A question's statuses over its repeats, in the enum's order: "EXACT×2, NO_SQL×1". */
  public static String statuses(java.util.Map<dev.diaharness.scoring.Status, Integer> counts) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    counts.forEach((s, n) -> parts.add(s.name() + "×" + n));
    return String.join(", ", parts);
  }
}
