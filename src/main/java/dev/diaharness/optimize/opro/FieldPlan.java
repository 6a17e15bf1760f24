package dev.diaharness.optimize.opro;

import dev.diaharness.optimize.ConfigField;
import java.util.Objects;

/**
 * One field the config analysis decided to change.
 *
 * @param priority 1 = most important
 */
record FieldPlan(ConfigField field, int priority, String rationale) {
  FieldPlan {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rationale, "rationale");
  }
}
