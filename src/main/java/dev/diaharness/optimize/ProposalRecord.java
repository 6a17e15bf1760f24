package dev.diaharness.optimize;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What was proposed from an iteration's training evidence, and what became of it. This record is immutable.
 *
 * @param suggested   the next config, when a change was accepted
 * @param approved    whether the next config was approved (and will be evaluated)
 * @param changes     every proposed change with its decision (approved, edited, skipped, rejected…)
 * @param summary     the proposer's summary, or why nothing was accepted
 * @param rollbackTo  the best iteration, when the next config starts from it instead of this one
 */
public record ProposalRecord(Optional<ConfigSnapshot> suggested, boolean approved, List<AppliedChange> changes,
    String summary, Optional<Integer> rollbackTo) {
  /** The trajectory's {@code action} of a proposal that starts from the best iteration. */
  public static final String ROLLBACK = "rollback";

  public ProposalRecord {
    suggested = Objects.requireNonNullElse(suggested, Optional.empty());
    changes = List.copyOf(Objects.requireNonNullElse(changes, List.of()));
    rollbackTo = Objects.requireNonNullElse(rollbackTo, Optional.empty());
  }

  /** {@value #ROLLBACK} when the next config starts from the best iteration, else null (the trajectory's key). */
  public String action() {
    return rollbackTo.isPresent() ? ROLLBACK : null;
  }
}
