package dev.diaharness.run;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The accuracy of the questions that share one tag or one complexity, in one split and iteration. Same definition as
 * {@link SplitMetrics#accuracy()}: PASS items / all items of those questions.
 *
 * @param questions questions of the group that have at least one finished item
 * @param items     their items (questions × repeats)
 * @param passed    items that passed
 * @param ci95Low     95% interval of {@code accuracy}, computed as for the split (bootstrap over the group's
 *                    questions, Wilson on items when the group has one question)
 * @param questionIds the ids of those questions, sorted, so a run folder alone tells which questions a tag holds
 *                    (e.g. for {@code compare}); empty when read from a file written before it existed
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GroupAccuracy(int questions, long items, long passed, double accuracy, double ci95Low,
    double ci95High, List<String> questionIds) {

  public GroupAccuracy {
    questionIds = questionIds == null ? List.of() : List.copyOf(questionIds);
  }

  /** Accuracy in percent, for display. */
  public double accuracyPercent() {
    return accuracy * 100;
  }
}
