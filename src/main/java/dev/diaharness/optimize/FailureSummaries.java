package dev.diaharness.optimize;

import dev.diaharness.run.ItemResult;
import dev.diaharness.run.RowsByQuestion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Derives the per-question views of an evaluation — failures from its rows, and the paired comparison between two
 * iterations from the pass rates its metrics recorded — from the verdicts only, so they always agree with the
 * accuracy. Stateless.
 */
public final class FailureSummaries {
  private FailureSummaries() {}

  /**
   * One entry per question that failed at least one repeat, lowest pass rate first; the repeat shown is the first
   * failing one (its SQL and evidence).
   */
  public static List<FailureEntry> failures(List<ItemResult> rows) {
    List<FailureEntry> failures = new ArrayList<>();
    RowsByQuestion.of(rows).forEach((id, list) -> {
      double rate = passRate(list);
      list.stream().filter(r -> !r.passed()).findFirst().ifPresent(r ->
          failures.add(new FailureEntry(id, r.question().text(), r.question().expectedSql(),
              r.answer().sql().orElse(null), r.verdict().status().name(), r.verdict().evidence().summary(), rate)));
    });
    failures.sort(Comparator.comparingDouble(FailureEntry::passRate));
    return failures;
  }

  /** Questions that pass a majority of repeats in {@code now} but did not in {@code before}. */
  public static List<String> fixed(Map<String, Double> before, Map<String, Double> now) {
    List<String> ids = new ArrayList<>();
    now.forEach((id, rate) -> {
      if (rate >= 0.5 && before.getOrDefault(id, 0.0) < 0.5) {
        ids.add(id);
      }
    });
    return ids;
  }

  /** Questions that passed a majority of repeats in {@code before} but do not in {@code now}. */
  public static List<String> broken(Map<String, Double> before, Map<String, Double> now) {
    return fixed(now, before).stream().filter(now::containsKey).toList();
  }

  private static double passRate(List<ItemResult> rows) {
    return rows.isEmpty() ? 0 : (double) rows.stream().filter(ItemResult::passed).count() / rows.size();
  }
}
