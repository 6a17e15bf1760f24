package dev.diaharness.cli;

import dev.diaharness.optimize.IterationRecord;
import dev.diaharness.optimize.OptimizationOutcome;
import dev.diaharness.optimize.ProposalRecord;
import dev.diaharness.run.SplitMetrics;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/** The end-of-run table of an optimize run: each iteration's train and test accuracy, and the best one. */
final class TrajectoryPrinter {
  private final PrintWriter out;

  TrajectoryPrinter(PrintWriter out) {
    this.out = out;
  }

  void print(OptimizationOutcome outcome) {
    out.println();
    // row N shows the change that made config N (proposed from iteration N-1), not the one proposed from it
    out.printf("%-10s %-22s %-22s %-8s %s%n", "iteration", "train accuracy", "test accuracy", "config",
        "how this config came about");
    IterationRecord previous = null;
    for (IterationRecord r : outcome.trajectory().iterations()) {
      SplitMetrics test = r.results().metrics().get("test");
      out.printf(Locale.ROOT, "%-10d %-22s %-22s %-8s %s%n", r.iteration(), accuracy(r.trainMetrics()),
          test == null ? "-" : accuracy(test), r.config().hash().substring(0, 8), origin(previous));
      previous = r;
    }
    outcome.best().ifPresent(best -> out.printf(Locale.ROOT,
        "%nbest: iteration %d (training accuracy %.1f%%), deployed and written as configs/best_config.json%n",
        best.iteration(), best.trainMetrics().accuracyPercent()));
    outcome.best().ifPresent(best -> WeakestTags.print(out, bestSplits(best)));
    out.println("ended: " + outcome.endReason());
    out.flush();
  }

  private static java.util.List<SplitMetrics> bestSplits(IterationRecord best) {
    java.util.List<SplitMetrics> splits = new java.util.ArrayList<>();
    splits.add(best.trainMetrics());
    SplitMetrics test = best.results().metrics().get("test");
    if (test != null) {
      splits.add(test);
    }
    return splits;
  }

  private static String accuracy(SplitMetrics m) {
    return String.format(Locale.ROOT, "%.1f%% [%.1f–%.1f]", m.accuracyPercent(), m.estimates().ci95Low() * 100,
        m.estimates().ci95High() * 100);
  }

  private static String origin(IterationRecord previous) {
    if (previous == null) {
      return "starting config";
    }
    Optional<ProposalRecord> proposal = previous.proposal();
    String from = proposal.flatMap(ProposalRecord::rollbackTo)
        .map(best -> "from iteration " + best + " (rollback): ")
        .orElse("from iteration " + previous.iteration() + ": ");
    return shorten(from + proposal.map(ProposalRecord::summary).orElse(""));
  }

  private static String shorten(String s) {
    return s.length() <= 90 ? s : s.substring(0, 87) + "...";
  }
}
