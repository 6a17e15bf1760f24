package dev.diaharness.cli;

import dev.diaharness.run.DecidedAccuracy;
import dev.diaharness.run.EvaluationResult;
import dev.diaharness.run.SplitMetrics;
import dev.diaharness.scoring.Status;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The per-split summary table of an evaluation, with the train–test gap and the overfitting warning. */
final class SummaryPrinter {
  static final double OVERFITTING_GAP_POINTS = 10;
  private final PrintWriter out;

  SummaryPrinter(PrintWriter out) {
    this.out = out;
  }

  void print(EvaluationResult result) {
    List<SplitMetrics> splits = new ArrayList<>();
    splits.add(result.train());
    result.test().ifPresent(splits::add);
    out.println();
    row("", splits.stream().map(m -> m.split().label()).toList());
    row("accuracy", splits.stream().map(m -> String.format(Locale.ROOT, "%.1f%% [%.1f–%.1f]",
        m.accuracyPercent(), m.estimates().ci95Low() * 100, m.estimates().ci95High() * 100)).toList());
    row("per repeat", splits.stream().map(m -> String.format(Locale.ROOT, "%.1f%% ± %.1f",
        m.estimates().byRepeat().mean() * 100, m.estimates().byRepeat().std() * 100)).toList());
    row("pass@k", splits.stream().map(m -> estimator(m.estimates().passAtK())).toList());
    row("pass^k", splits.stream().map(m -> estimator(m.estimates().passHatK())).toList());
    row("passed", splits.stream().map(m -> m.passed() + "/" + m.items()).toList());
    if (splits.stream().anyMatch(m -> DecidedAccuracy.undecided(m) > 0)) {
      row("undecided", splits.stream().map(m -> DecidedAccuracy.undecided(m) + " (decided accuracy "
          + DecidedAccuracy.of(m).map(a -> String.format(Locale.ROOT, "%.1f%%", a * 100)).orElse("n/a") + ")")
          .toList());
    }
    row("flaky questions", splits.stream().map(m -> Integer.toString(m.byQuestion().flaky().size())).toList());
    row("mean score", splits.stream()
        .map(m -> String.format(Locale.ROOT, "%.1f", m.outcomes().meanScore())).toList());
    row("statuses", splits.stream().map(m -> counts(m.outcomes().statusCounts())).toList());
    // a wrong answer and no answer at all are different findings: only the first says anything about the agent
    row("answered wrong", splits.stream().map(m -> Long.toString(answeredWrong(m))).toList());
    row("no answer", splits.stream().map(SummaryPrinter::noAnswer).toList());
    if (splits.stream().anyMatch(m -> status(m, Status.GOLD_ERROR) > 0)) {
      row("golden SQL errors", splits.stream().map(m -> Long.toString(status(m, Status.GOLD_ERROR))).toList());
    }
    row("latency p50/p95", splits.stream().map(SplitMetrics::calls)
        .map(c -> c.latencyP50Ms() + "/" + c.latencyP95Ms() + " ms").toList());
    row("agent calls", splits.stream().map(m -> Long.toString(m.calls().agentCalls())).toList());
    result.test().ifPresent(test -> gap(result.train(), test));
    WeakestTags.print(out, splits);
    out.flush();
  }

  /** The gap on decided accuracy: items nothing could decide are left out of both sides. */
  private void gap(SplitMetrics train, SplitMetrics test) {
    Optional<Double> trainDecided = DecidedAccuracy.of(train);
    Optional<Double> testDecided = DecidedAccuracy.of(test);
    if (trainDecided.isEmpty() || testDecided.isEmpty()) {
      out.printf("%ntrain–test gap: not measured (a split has no decided item)%n");
      return;
    }
    // rounded as printed, so that "+10.0 points" never warns about "more than 10"
    double gap = Math.round((trainDecided.get() - testDecided.get()) * 1000) / 10.0;
    boolean undecided = DecidedAccuracy.undecided(train) + DecidedAccuracy.undecided(test) > 0;
    out.printf(Locale.ROOT, "%ntrain–test gap: %+.1f points%s%n", gap,
        undecided ? " (on decided items only)" : "");
    if (gap > OVERFITTING_GAP_POINTS) {
      out.printf(Locale.ROOT, "WARNING: training accuracy exceeds test accuracy by more than %.0f points: "
          + "the config may be overfitting the training questions%n", OVERFITTING_GAP_POINTS);
    }
  }

  private void row(String label, List<String> cells) {
    out.printf("%-16s", label);
    cells.forEach(c -> out.printf("  %-34s", c));
    out.println();
  }

  /** Items the agent answered and the answer was scored not passing (undecided ones are not counted). */
  static long answeredWrong(SplitMetrics m) {
    return m.items() - m.passed() - status(m, Status.AGENT_ERROR) - status(m, Status.GOLD_ERROR)
        - status(m, Status.UNSUPPORTED);
  }

  /** Items with no answer obtained from the agent, with their kinds (QUOTA, TIMEOUT, TRUNCATED…). */
  static String noAnswer(SplitMetrics m) {
    long none = status(m, Status.AGENT_ERROR);
    if (none == 0) {
      return "0";
    }
    Map<String, Long> kinds = new LinkedHashMap<>(m.outcomes().errorCounts());
    kinds.remove(Status.GOLD_ERROR.name());
    return none + " (" + counts(kinds) + ")";
  }

  private static long status(SplitMetrics m, Status status) {
    return m.outcomes().statusCounts().getOrDefault(status.name(), 0L);
  }

  private static String estimator(Map<Integer, Double> byK) {
    return byK.entrySet().stream().map(e -> String.format(Locale.ROOT, "k%d %.0f%%", e.getKey(), e.getValue() * 100))
        .collect(Collectors.joining(" "));
  }

  private static String counts(Map<String, Long> counts) {
    return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  static Optional<String> gateFailure(EvaluationResult result, Optional<Double> minAccuracyPercent) {
    return minAccuracyPercent.filter(min -> result.train().accuracyPercent() < min).map(min -> String.format(
        Locale.ROOT, "training accuracy %.1f%% is below --min-accuracy %.1f%%", result.train().accuracyPercent(),
        min));
  }
}
