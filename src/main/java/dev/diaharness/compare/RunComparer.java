package dev.diaharness.compare;

import dev.diaharness.core.InputException;
import dev.diaharness.report.IterationData;
import dev.diaharness.report.NaturalOrder;
import dev.diaharness.report.RunRecord;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.RowsByQuestion;
import dev.diaharness.run.PassEstimators;
import dev.diaharness.run.Split;
import dev.diaharness.run.SplitMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Builds a {@link RunComparison} from two runs read from their folders. Stateless. */
public final class RunComparer {
  private RunComparer() {}

  /**
   * @param iterationA the iteration of A to compare; empty for A's best (an evaluate run's only one)
   * @throws InputException naming the run when it has no such iteration or no rows in it
   */
  public static RunComparison compare(RunRecord a, Optional<Integer> iterationA, RunRecord b,
      Optional<Integer> iterationB) {
    IterationData ia = pick(a, iterationA);
    IterationData ib = pick(b, iterationB);
    List<SplitComparison> splits = new ArrayList<>();
    for (Split split : Split.values()) {
      if (ia.has(split) || ib.has(split)) {
        splits.add(new SplitComparison(split, accuracy(ia, split), accuracy(ib, split),
            questions(split, ia.rows(split), ib.rows(split))));
      }
    }
    return new RunComparison(side(a, ia, iterationA.isEmpty()), side(b, ib, iterationB.isEmpty()), splits);
  }

  private static IterationData pick(RunRecord run, Optional<Integer> iteration) {
    Optional<IterationData> data = iteration.isPresent() ? run.iteration(iteration.get()) : run.best();
    IterationData picked = data.orElseThrow(() -> InputException.inFile(run.root(), iteration
        .map(i -> "has no iteration " + i + " (it has " + run.iterations().stream()
            .map(d -> Integer.toString(d.iteration())).toList() + ")")
        .orElse("has no evaluated iteration")));
    if (picked.trainRows().isEmpty() && picked.testRows().isEmpty()) {
      throw InputException.inFile(run.root(), "iteration " + picked.iteration() + " has no evaluated rows");
    }
    return picked;
  }

  private static RunComparison.Side side(RunRecord run, IterationData data, boolean best) {
    String command = run.manifest().map(m -> m.command()).orElse(run.isOptimization() ? "optimize" : "evaluate");
    return new RunComparison.Side(run.root(), run.runId(), command, data.iteration(), best);
  }

  private static SideAccuracy accuracy(IterationData data, Split split) {
    Optional<SplitMetrics> m = data.metrics(split);
    if (m.isPresent()) {
      return new SideAccuracy(m.get().items(), m.get().passed(), m.get().accuracy(), m.get().estimates().ci95Low(),
          m.get().estimates().ci95High());
    }
    List<ItemResult> rows = data.rows(split);
    long passed = rows.stream().filter(ItemResult::passed).count();
    double[] ci = rows.isEmpty() ? new double[] {0, 0} : PassEstimators.wilson(rows.size(), passed);
    return new SideAccuracy(rows.size(), passed, rows.isEmpty() ? 0 : (double) passed / rows.size(), ci[0], ci[1]);
  }

  private static List<QuestionChange> questions(Split split, List<ItemResult> a, List<ItemResult> b) {
    Map<String, List<ItemResult>> byA = RowsByQuestion.of(a);
    Map<String, List<ItemResult>> byB = RowsByQuestion.of(b);
    TreeSet<String> ids = new TreeSet<>(NaturalOrder.INSTANCE);
    ids.addAll(byA.keySet());
    ids.addAll(byB.keySet());
    List<QuestionChange> changes = new ArrayList<>();
    for (String id : ids) {
      List<ItemResult> rowsA = byA.getOrDefault(id, List.of());
      List<ItemResult> rowsB = byB.getOrDefault(id, List.of());
      ItemResult any = rowsA.isEmpty() ? rowsB.get(0) : rowsA.get(0);
      changes.add(QuestionChange.of(split, id, any.question().text(), any.question().expectedSql(),
          QuestionOutcome.of(rowsA), QuestionOutcome.of(rowsB)));
    }
    return changes;
  }
}
