package dev.diaharness.run;

import dev.diaharness.dataset.GoldenCase;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * The order rows of this split are handed on in: the set's question order, then repeat — never the order answers
   * arrived in, so whatever reads them (an optimizer, a validator) gives the same result in a resumed run as in an
   * uninterrupted one. Rows of questions no longer in the set come last, by id.
   */
  public static Comparator<ItemResult> rowOrder(List<GoldenCase> cases) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < cases.size(); i++) {
      position.putIfAbsent(cases.get(i).id(), i);
    }
    return Comparator.comparingInt((ItemResult r) -> position.getOrDefault(r.key().questionId(), cases.size()))
        .thenComparing((ItemResult r) -> r.key().questionId()).thenComparingInt(r -> r.key().repeat());
  }

  /** The keys of {@link #workItems}, in the same order. */
  public Stream<ItemKey> keys(int repeats) {
    return workItems(repeats).map(WorkItem::key);
  }
}
