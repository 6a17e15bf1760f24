package dev.diaharness.run;

import dev.diaharness.dataset.GoldenCase;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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

  /**
   * Every (question × repeat) item, made as it is consumed, repeat-major so early results already cover every
   * question.
   */
  public Stream<WorkItem> workItems(int repeats) {
    return IntStream.rangeClosed(1, repeats).boxed()
        .flatMap(r -> cases.stream().map(c -> new WorkItem(new ItemKey(iteration, split, c.id(), r), c)));
  }

  /** The keys of {@link #workItems}, in the same order. */
  public Stream<ItemKey> keys(int repeats) {
    return workItems(repeats).map(WorkItem::key);
  }
}
