package dev.diaharness.sql;

/**
 * How {@link ResultComparator} compares two results. Defaults ({@link #DEFAULTS}): rows as a multiset, strict column
 * count, relative tolerance 1e-6. This record is immutable and thread-safe.
 *
 * @param orderMatters compare row sequences instead of multisets (the expected SQL orders at top level, or the item
 *     says {@code order_matters})
 * @param lenientColumns the verdict accepts extra columns in the actual result (both results are reported anyway)
 * @param relativeTolerance numbers a, b are equal when |a-b| &lt;= tol * max(|a|, |b|, 1e-3); 0 means exact
 */
public record ComparisonOptions(boolean orderMatters, boolean lenientColumns, double relativeTolerance) {
  /** Unordered, strict columns, relative tolerance 1e-6. */
  public static final ComparisonOptions DEFAULTS = new ComparisonOptions(false, false, 1e-6);

  /**
   * @throws IllegalArgumentException when the tolerance is negative, NaN or not below 1
   */
  public ComparisonOptions {
    if (!(relativeTolerance >= 0 && relativeTolerance < 1)) {
      throw new IllegalArgumentException("relativeTolerance must be in [0, 1), got " + relativeTolerance);
    }
  }

  public ComparisonOptions withOrderMatters(boolean value) {
    return new ComparisonOptions(value, lenientColumns, relativeTolerance);
  }

  public ComparisonOptions withLenientColumns(boolean value) {
    return new ComparisonOptions(orderMatters, value, relativeTolerance);
  }

  public ComparisonOptions withRelativeTolerance(double value) {
    return new ComparisonOptions(orderMatters, lenientColumns, value);
  }
}
