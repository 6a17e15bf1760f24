package dev.diaharness.run;

import dev.diaharness.dataset.GoldenCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * <em>What</em> is evaluated: one split's questions in one iteration, with the schema description the scorer
 * gives the judge. How it runs is {@link RunOptions}.
 */
public record EvaluationSpec(int iteration, Split split, List<GoldenCase> cases, String schemaDescription) {
  public EvaluationSpec {
    Objects.requireNonNull(split, "split");
    cases = List.copyOf(cases);
    schemaDescription = Objects.requireNonNullElse(schemaDescription, "");
  }

  /** Every (question × repeat) item, repeat-major so early results already cover every question. */
  public List<WorkItem> items(int repeats) {
    List<WorkItem> items = new ArrayList<>(cases.size() * repeats);
    for (int r = 1; r <= repeats; r++) {
      for (GoldenCase c : cases) {
        items.add(new WorkItem(new ItemKey(iteration, split, c.id(), r), c));
      }
    }
    return items;
  }
}
