package dev.diaharness.run;

import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Status;
import java.util.Map;
import java.util.Optional;

/**
 * Accuracy over the items something decided: passed / (items − undecided). Undecided items (no tables to run the SQL
 * on and no judge, or a judge that failed) are neither right nor wrong, so a comparison between splits — the
 * train–test gap — must leave them out, or a split with more undecided items looks worse than it is.
 */
public final class DecidedAccuracy {
  private DecidedAccuracy() {}

  /** Items whose status can only be undecided. */
  public static long undecided(SplitMetrics m) {
    return m.outcomes().statusCounts().entrySet().stream().filter(e -> isUndecided(e.getKey()))
        .mapToLong(Map.Entry::getValue).sum();
  }

  /** passed / decided items; empty when nothing was decided. */
  public static Optional<Double> of(SplitMetrics m) {
    long decided = m.items() - undecided(m);
    return decided <= 0 ? Optional.empty() : Optional.of((double) m.passed() / decided);
  }

  private static boolean isUndecided(String status) {
    try {
      Status s = Status.valueOf(status);
      return s.allows(Outcome.UNDECIDED) && !s.allows(Outcome.PASS) && !s.allows(Outcome.FAIL);
    } catch (IllegalArgumentException e) {
      return false; // a status this version does not know counts as decided
    }
  }
}
