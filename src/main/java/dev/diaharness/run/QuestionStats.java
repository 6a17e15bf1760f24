package dev.diaharness.run;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.diaharness.scoring.Status;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One question's results in one split and iteration, as {@link SplitAggregator} folds them and {@code metrics.json}
 * records them ({@code per_question}); the report reads them from there. Immutable.
 *
 * @param question the question's text (empty when the rows carried none)
 * @param repeats  its finished items (one per repeat)
 * @param passes   those that passed
 * @param errors   error rows among them (the agent or the golden SQL was broken)
 * @param statuses status → items, in the enum's order
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record QuestionStats(String question, int repeats, int passes, int errors, Map<Status, Integer> statuses) {

  public QuestionStats {
    question = Objects.requireNonNullElse(question, "");
    Map<Status, Integer> ordered = new EnumMap<>(Status.class);
    ordered.putAll(Objects.requireNonNullElse(statuses, Map.of()));
    statuses = Collections.unmodifiableMap(ordered);
  }

  /** Passes / repeats; 0 without any finished repeat. */
  public double passRate() {
    return repeats == 0 ? 0 : (double) passes / repeats;
  }

  /** Passed some repeats and failed others. */
  public boolean flaky() {
    return passes > 0 && passes < repeats;
  }
}
