package dev.diaharness.optimize;

import dev.diaharness.config.AgentConfig;
import java.util.List;

/**
 * What a proposer suggests for the next iteration: field changes against the current config, with a summary.
 * An empty change list means the proposer has nothing left to try.
 *
 * @param rejected alternatives the proposer generated but did not choose (duplicates, invalid, worse on screening),
 *     each with the reason, so the loop can save them under {@code rejected/}; empty for single-shot proposers
 */
public record Proposal(List<FieldChange> changes, String summary, List<RejectedAlternative> rejected) {
  public Proposal {
    changes = List.copyOf(changes);
    rejected = List.copyOf(rejected);
  }

  public Proposal(List<FieldChange> changes, String summary) {
    this(changes, summary, List.of());
  }

  public static Proposal nothing(String why) {
    return new Proposal(List.of(), why);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** The config with every change applied. */
  public AgentConfig applyTo(AgentConfig config) {
    AgentConfig result = config;
    for (FieldChange change : changes) {
      result = change.field().write(result, change.after());
    }
    return result;
  }
}
