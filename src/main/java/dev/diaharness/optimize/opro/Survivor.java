package dev.diaharness.optimize.opro;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.optimize.FieldChange;
import java.util.List;

/**
 * A candidate that passed the filter: its valid changes, the config they give and the improver's rationale.
 *
 * @param label e.g. {@code candidate 2 of 4}
 */
record Survivor(String label, List<FieldChange> changes, AgentConfig config, String rationale) {
  Survivor {
    changes = List.copyOf(changes);
  }
}
