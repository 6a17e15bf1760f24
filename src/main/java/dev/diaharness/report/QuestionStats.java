package dev.diaharness.report;

import dev.diaharness.run.ItemResult;
import dev.diaharness.scoring.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One question's rows in one iteration and split, for the per-question table, the heatmap and the failure
 * details: its repeats, how many passed, its statuses. Derived from the eval rows only. Immutable.
 */
public record QuestionStats(String questionId, String question, List<ItemResult> rows) {
  public QuestionStats {
    rows = List.copyOf(rows);
  }

  /** Question id (natural order) → its rows; the rows keep their order (by repeat). */
  public static Map<String, QuestionStats> of(List<ItemResult> rows) {
    Map<String, List<ItemResult>> byId = new TreeMap<>(NaturalOrder.INSTANCE);
    rows.forEach(r -> byId.computeIfAbsent(r.key().questionId(), k -> new ArrayList<>()).add(r));
    Map<String, QuestionStats> stats = new TreeMap<>(NaturalOrder.INSTANCE);
    byId.forEach((id, list) -> stats.put(id, new QuestionStats(id, textOf(list), list)));
    return Collections.unmodifiableMap(stats);
  }

  private static String textOf(List<ItemResult> list) {
    return list.stream().map(r -> r.question().text()).filter(q -> !q.isEmpty()).findFirst().orElse("");
  }

  public long passes() {
    return rows.stream().filter(ItemResult::passed).count();
  }

  public int repeats() {
    return rows.size();
  }

  public double passRate() {
    return rows.isEmpty() ? 0 : (double) passes() / rows.size();
  }

  public boolean flaky() {
    long p = passes();
    return p > 0 && p < rows.size();
  }

  /** Status → how many repeats got it, in the enum's order. */
  public Map<Status, Integer> statuses() {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    rows.forEach(r -> counts.merge(r.verdict().status(), 1, Integer::sum));
    return counts;
  }

  /** "EXACT×2, NO_SQL×1". */
  public String statusSummary() {
    List<String> parts = new ArrayList<>();
    statuses().forEach((s, n) -> parts.add(s.name() + "×" + n));
    return String.join(", ", parts);
  }

  /** The first repeat that did not pass: the one whose SQL and evidence the report shows. */
  public Optional<ItemResult> firstFailure() {
    return rows.stream().filter(r -> !r.passed()).findFirst();
  }

  public boolean has(Status status) {
    return rows.stream().anyMatch(r -> r.verdict().status() == status);
  }
}
