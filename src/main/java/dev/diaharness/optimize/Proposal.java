package dev.diaharness.optimize;

import dev.diaharness.config.AgentConfig;
import java.util.List;

/**
 * What a proposer suggests for the next iteration: field changes against the current config, with a summary.
 * An empty change list means the proposer has nothing left to try.
 */
public record Proposal(List<FieldChange> changes, String summary) {
  public Proposal {
    changes = List.copyOf(changes);
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
