package dev.diaharness.optimize;

import java.util.Objects;

/**
 * One proposed change of one config field, with why.
 *
 * @param priority 1 = most important, as the config analysis ranked it
 */
public record FieldChange(ConfigField field, String before, String after, String rationale, int priority) {
  public FieldChange {
    Objects.requireNonNull(field, "field");
    before = Objects.requireNonNullElse(before, "");
    after = Objects.requireNonNullElse(after, "");
    rationale = Objects.requireNonNullElse(rationale, "");
  }

  public FieldChange withAfter(String edited) {
    return new FieldChange(field, before, edited, rationale, priority);
  }
}
