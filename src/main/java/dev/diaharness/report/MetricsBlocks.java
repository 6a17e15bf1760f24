package dev.diaharness.report;

import dev.diaharness.run.DecidedAccuracy;
import dev.diaharness.run.QuestionStats;
import dev.diaharness.run.Split;
import dev.diaharness.run.SplitMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The metrics table of one iteration (one column per split) and its flaky questions, as recorded in the metrics.
 * Stateless.
 */
final class MetricsBlocks {
  private MetricsBlocks() {}

  static List<Block> metrics(RunRecord run, IterationData it) {
    List<Split> splits = splits(run, it);
    if (splits.stream().noneMatch(s -> it.metrics(s).isPresent())) {
      return List.of(new Block.Paragraph("Metrics: not written for this iteration (the run ended before its "
          + "evaluation finished); the rows below are what was recorded."));
    }
    List<String> header = new ArrayList<>(List.of("metric"));
    splits.forEach(s -> header.add(s.label()));
    List<List<String>> rows = new ArrayList<>();
    row(rows, "accuracy", splits, it, m -> Fmt.pct(m.accuracy()));
    row(rows, "95% interval", splits, it, m -> Fmt.interval(m.estimates().ci95Low(), m.estimates().ci95High()));
    row(rows, "accuracy per repeat", splits, it, MetricsBlocks::repeats);
    row(rows, "repeat mean ± std", splits, it,
        m -> Fmt.pct(m.estimates().byRepeat().mean()) + " ± " + Fmt.pct(m.estimates().byRepeat().std()));
    row(rows, "question-level accuracy", splits, it, m -> Fmt.pct(m.estimates().questionLevelAccuracy()));
    row(rows, "pass@k", splits, it, m -> byK(m.estimates().passAtK()));
    row(rows, "pass^k", splits, it, m -> byK(m.estimates().passHatK()));
    row(rows, "mean score (0-100)", splits, it, m -> Fmt.num(m.outcomes().meanScore()));
    row(rows, "questions × repeats", splits, it, m -> m.counts().questions() + " × " + m.counts().repeats());
    row(rows, "passed / items", splits, it, m -> Fmt.ratio(m.passed(), m.items()));
    if (splits.stream().anyMatch(s -> it.metrics(s).filter(m -> DecidedAccuracy.undecided(m) > 0).isPresent())) {
      // undecided items count as not passed in the accuracy; this row says how many there are, and the rest's rate
      row(rows, "undecided (accuracy of the decided)", splits, it, m -> DecidedAccuracy.undecided(m) + " ("
          + DecidedAccuracy.of(m).map(Fmt::pct).orElse("-") + ")");
    }
    row(rows, "latency p50 / p95", splits, it,
        m -> m.calls().latencyP50Ms() + " ms / " + m.calls().latencyP95Ms() + " ms");
    row(rows, "agent calls", splits, it, m -> Long.toString(m.calls().agentCalls()));
    row(rows, "errors", splits, it, m -> counts(m.outcomes().errorCounts()));
    return List.of(new Block.Table(header, rows, false));
  }

  /** The splits the run has: train, and test when any iteration has test data. */
  static List<Split> splits(RunRecord run, IterationData it) {
    return run.hasTest() ? List.of(Split.TRAIN, Split.TEST) : List.of(Split.TRAIN);
  }

  private static void row(List<List<String>> rows, String name, List<Split> splits, IterationData it,
      Function<SplitMetrics, String> cell) {
    List<String> row = new ArrayList<>(List.of(name));
    splits.forEach(s -> row.add(it.metrics(s).map(cell).orElse("-")));
    rows.add(row);
  }

  private static String repeats(SplitMetrics m) {
    List<String> parts = new ArrayList<>();
    m.estimates().byRepeat().values().forEach(v -> parts.add(Fmt.pct(v)));
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  private static String byK(Map<Integer, Double> values) {
    List<String> parts = new ArrayList<>();
    new TreeMap<>(values).forEach((k, v) -> parts.add("k=" + k + ": " + Fmt.pct(v)));
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  private static String counts(Map<String, Long> counts) {
    List<String> parts = new ArrayList<>();
    new TreeMap<>(counts).forEach((k, v) -> parts.add(k + " " + v));
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  /** Flaky questions per split, as the metrics list them, with their text and passes from the per-question stats. */
  static List<Block> flaky(RunRecord run, IterationData it) {
    List<String> items = new ArrayList<>();
    for (Split split : splits(run, it)) {
      Map<String, QuestionStats> stats = it.questions(split);
      for (String id : it.flakyQuestions(split)) {
        Optional<QuestionStats> s = Optional.ofNullable(stats.get(id));
        items.add(split.label() + " " + id + s.map(x -> ": " + x.question() + " (" + Fmt.ratio(x.passes(),
            x.repeats()) + " repeats passed)").orElse(""));
      }
    }
    if (items.isEmpty()) {
      return List.of(new Block.Paragraph("Flaky questions: none — every question got the same verdict in all its "
          + "repeats."));
    }
    return List.of(new Block.Paragraph("Flaky questions (passed some repeats, failed others):"),
        new Block.Bullets(items));
  }

  /** The sortable per-question table of every split. */
  static List<Block> questions(RunRecord run, IterationData it) {
    List<List<String>> rows = new ArrayList<>();
    for (Split split : splits(run, it)) {
      it.questions(split).forEach((id, q) -> rows.add(List.of(split.label(), id, q.question(),
          Fmt.ratio(q.passes(), q.repeats()), Fmt.pct(q.passRate()), Fmt.statuses(q.statuses()))));
    }
    if (rows.isEmpty()) {
      return List.of(new Block.Paragraph("Questions: no eval rows were written for this iteration."));
    }
    // folded in HTML: with every question of every iteration open, the page grows by a table per iteration
    return List.of(new Block.Details("Every question of this iteration (" + rows.size() + "; click a header to "
        + "sort)", List.of(new Block.Table(List.of("split", "id", "question", "passed", "pass rate", "statuses"),
        rows, true))));
  }
}
