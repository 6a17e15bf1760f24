package dev.diaharness.optimize;

import java.util.List;
import java.util.Objects;

/**
 * A change set a proposer generated and then set aside, with the reason: kept so the run directory shows what was
 * tried and why it lost (the rejected text itself, not the text that was kept).
 *
 * @param label   which alternative, e.g. {@code candidate 3 of 4}
 * @param changes the changes as generated (their {@code after} is the rejected text)
 * @param reason  one line: a repeat of a tried config, a validator problem, worse on the screening minibatch…
 */
public record RejectedAlternative(String label, List<FieldChange> changes, String reason) {
  public RejectedAlternative {
    Objects.requireNonNull(label, "label");
    changes = List.copyOf(changes);
    Objects.requireNonNull(reason, "reason");
  }
}
