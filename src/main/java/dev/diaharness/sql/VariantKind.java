package dev.diaharness.sql;

/**
 * The ways a {@link DatabaseVariants} variant changes the base data. Variants 0–4 have these kinds in this order;
 * from variant 5 on, each kind again (subset, duplicates, NULLs, boundary dates, nudge) combined with a dense nudge,
 * so K = 8 gives nudge, subset, duplicates, NULLs, boundary dates, then subset, duplicates and NULLs around the
 * queries' constants.
 */
public enum VariantKind {
  /** Values near the queries' constants put into columns whose range holds them: c-1, c, c+1, c±ε; dates d-1, d, d+1. */
  NUDGE,
  /** Each table sampled on its own (about 60% of rows), so some child rows lose their parent. */
  SUBSET,
  /** About 10% of each table's rows inserted a second time. */
  DUPLICATES,
  /** About 15% NULLs in every column that does not look like a primary key. */
  NULLS,
  /** Some dates moved to the first/last day of their month and year (timestamps to the day's last second). */
  BOUNDARY_DATES
}
