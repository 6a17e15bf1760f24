package dev.diaharness.report;

import dev.diaharness.run.MetricsFile;
import dev.diaharness.run.Split;
import dev.diaharness.run.DecidedAccuracy;
import dev.diaharness.run.SplitMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The summary: initial → best → final accuracy with its 95% interval for train and test (evaluate runs: the
 * evaluated iteration), the number of iterations, the cost by role, and an overfitting warning when train exceeds
 * test by more than {@value #OVERFIT_POINTS} points. Every number is taken from the metrics as recorded. Stateless.
 */
final class SummarySection {
  static final double OVERFIT_POINTS = 10;

  private SummarySection() {}

  static List<Block> blocks(RunRecord run) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(2, "Summary"));
    run.manifest().ifPresent(m -> m.warnings().forEach(w -> blocks.add(new Block.Warning(w))));
    long withMetrics = run.iterations().stream().filter(i -> i.train().isPresent()).count();
    blocks.add(new Block.Paragraph("Iterations: " + run.iterations().size() + " (" + withMetrics
        + " with metrics)." + run.best().filter(b -> run.isOptimization())
            .map(b -> " Best iteration: " + b.iteration() + " (chosen on training accuracy, never on test).")
            .orElse("")));
    List<List<String>> rows = accuracyRows(run);
    if (rows.isEmpty()) {
      blocks.add(new Block.Paragraph("No iteration has metrics yet, so there is no accuracy to summarise."));
    } else {
      blocks.add(new Block.Table(List.of("split", "stage", "iteration", "accuracy", "95% interval"), rows, false));
    }
    overfitting(run).ifPresent(w -> blocks.add(new Block.Warning(w)));
    blocks.addAll(cost(run));
    return blocks;
  }

  private static List<List<String>> accuracyRows(RunRecord run) {
    List<List<String>> rows = new ArrayList<>();
    for (Split split : Split.values()) {
      if (run.isOptimization()) {
        row(rows, split, "initial", run.first());
        row(rows, split, "best", run.best());
        row(rows, split, "final", run.last());
      } else {
        run.iterations().forEach(it -> row(rows, split, "evaluated", Optional.of(it)));
      }
    }
    return rows;
  }

  private static void row(List<List<String>> rows, Split split, String stage, Optional<IterationData> it) {
    it.ifPresent(i -> i.metrics(split).ifPresent(m -> rows.add(List.of(split.label(), stage,
        Integer.toString(i.iteration()), Fmt.pct(m.accuracy()),
        Fmt.interval(m.estimates().ci95Low(), m.estimates().ci95High())))));
  }

  /** The warning for the best and the final iteration, when either has a train–test gap above the threshold. */
  static Optional<String> overfitting(RunRecord run) {
    List<String> gaps = new ArrayList<>();
    List<IterationData> checked = new ArrayList<>();
    run.best().ifPresent(checked::add);
    run.last().filter(l -> checked.stream().noneMatch(c -> c.iteration() == l.iteration()))
        .ifPresent(checked::add);
    for (IterationData it : checked) {
      if (it.train().isPresent() && it.test().isPresent()) {
        // on decided items only: undecided items are neither right nor wrong
        Optional<Double> train = DecidedAccuracy.of(it.train().get());
        Optional<Double> test = DecidedAccuracy.of(it.test().get());
        if (train.isEmpty() || test.isEmpty()) {
          continue;
        }
        double gap = Math.round((train.get() - test.get()) * 1000) / 1000.0; // as printed
        if (gap * 100 > OVERFIT_POINTS) {
          gaps.add("iteration " + it.iteration() + ": train " + Fmt.pct(train.get()) + " vs test "
              + Fmt.pct(test.get()) + " of decided items, a gap of " + Fmt.pointsValue(gap) + " points");
        }
      }
    }
    return gaps.isEmpty() ? Optional.empty() : Optional.of("Possible overfitting (train exceeds test by more than "
        + Fmt.num(OVERFIT_POINTS) + " points): " + String.join("; ", gaps) + ".");
  }

  private static List<Block> cost(RunRecord run) {
    Optional<MetricsFile> metrics = run.metrics();
    if (metrics.isEmpty()) {
      return List.of(new Block.Paragraph("Cost: unknown (metrics.json was not written)."));
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Paragraph("Total cost: " + Fmt.usd(metrics.get().totalCostUsd()) + "."));
    List<List<String>> rows = new ArrayList<>();
    new TreeMap<>(metrics.get().usage()).forEach((role, u) -> rows.add(List.of(role,
        Fmt.count(value(u, "input_tokens")), Fmt.count(value(u, "output_tokens")), Fmt.usd(value(u, "cost_usd")))));
    if (!rows.isEmpty()) {
      blocks.add(new Block.Table(List.of("role", "input tokens", "output tokens", "cost (USD)"), rows, false));
    }
    return blocks;
  }

  private static double value(Map<String, Double> usage, String key) {
    Double v = usage.get(key);
    return v == null ? 0 : v;
  }
}
