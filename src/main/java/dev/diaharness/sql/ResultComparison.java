package dev.diaharness.sql;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of comparing an expected with an actual {@link ResultTable}: the verdict, both column modes, the
 * vacuous flag and evidence a reader can check. This record is immutable and thread-safe.
 *
 * @param equal the verdict: {@code strictEqual}, or {@code lenientEqual} when the options asked for lenient columns
 * @param strictEqual equal with exactly as many actual columns as expected ones
 * @param lenientEqual equal when extra actual columns are ignored
 * @param vacuous both results are empty: "equal" says nothing about the queries
 * @param summary one line for a report
 * @param evidence JSON-able details (row counts, column mapping, smallest differing rows), no null values; fits
 *     {@code dev.diaharness.scoring.Evidence#details}
 */
public record ResultComparison(
    boolean equal,
    boolean strictEqual,
    boolean lenientEqual,
    boolean vacuous,
    String summary,
    Map<String, Object> evidence) {
  public ResultComparison {
    Objects.requireNonNull(summary, "summary");
    evidence = dev.diaharness.core.OrderedMaps.copyOf(evidence);
  }
}
