package dev.diaharness.optimize;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A change as recorded in the trajectory: the field, sizes before and after, why, the diff and what became of it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AppliedChange(String field, int beforeChars, int afterChars, String rationale, String diff,
    String decision) {

  public static AppliedChange of(FieldChange c, String decision) {
    return new AppliedChange(c.field().key(), c.before().length(), c.after().length(), c.rationale(),
        UnifiedDiff.of(c.field().key(), c.before(), c.after()), decision);
  }
}
