package dev.diaharness.report;

import dev.diaharness.run.Split;
import dev.diaharness.scoring.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Recommendations derived from the recorded data only: the most common failure statuses with what to look at (from
 * the rows: a status such as JUDGED holds passes and fails), golden-set questions whose expected SQL fails, flaky
 * questions and questions never passed (from the per-question stats of {@code metrics.json}), overfitting, an early
 * end. Stateless.
 */
final class Recommendations {
  private Recommendations() {}

  static List<Block> blocks(RunRecord run) {
    List<String> items = new ArrayList<>();
    Optional<IterationData> last = run.last();
    last.ifPresent(it -> commonFailures(it).ifPresent(items::add));
    goldErrors(run).ifPresent(items::add);
    last.ifPresent(it -> flaky(it).ifPresent(items::add));
    neverPassed(run).ifPresent(items::add);
    SummarySection.overfitting(run).ifPresent(w -> items.add(w + " Add training questions like the failing test "
        + "ones, or prefer smaller prompt changes."));
    TagBlocks.testOnlyTags(run).ifPresent(items::add);
    bestNotLast(run).ifPresent(items::add);
    HeaderSection.endReason(run).filter(r -> r.startsWith("error")).ifPresent(r ->
        items.add("The run ended early (" + r + "); fix the cause and continue it with --resume " + run.root()
            .getFileName() + "."));
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(2, "Recommendations"));
    if (items.isEmpty()) {
      blocks.add(new Block.Paragraph("Nothing to recommend: every recorded answer passed."));
    } else {
      blocks.add(new Block.Paragraph("Derived from the recorded results:"));
      blocks.add(new Block.Bullets(items));
    }
    return blocks;
  }

  /** From the rows that did not pass (JUDGED counts mix passes and fails, so status counts cannot tell). */
  private static Optional<String> commonFailures(IterationData it) {
    Map<Status, Long> counts = new EnumMap<>(Status.class);
    it.trainRows().stream().filter(r -> !r.passed() && r.verdict().status() != Status.GOLD_ERROR)
        .forEach(r -> counts.merge(r.verdict().status(), 1L, Long::sum));
    List<Map.Entry<Status, Long>> failing = new ArrayList<>(counts.entrySet());
    failing.sort(Map.Entry.<Status, Long>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    if (failing.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Status, Long> e : failing.subList(0, Math.min(3, failing.size()))) {
      parts.add(e.getKey().name() + " (" + e.getValue() + " answer(s): " + advice(e.getKey()) + ")");
    }
    return Optional.of("Most common failure statuses in iteration " + it.iteration() + " (training): "
        + String.join("; ", parts) + ".");
  }

  static String advice(Status s) {
    switch (s) {
      case JUDGED: return "failed by the judge; read its rationale below";
      case COUNTEREXAMPLE: return "right on this data but not in general; the counterexample shows the missing "
          + "filter or join";
      case EXEC_MISMATCH: return "different results; compare the expected and generated SQL and add examples for "
          + "these patterns";
      case PRED_ERROR: return "the agent's SQL failed to run; check table and column names in the schema "
          + "description";
      case NO_SQL: return "no SQL in the answer; check --sql-followup and that the prompt asks for SQL";
      case UNSUPPORTED: return "nothing could decide; give local data (--data) or configure a judge";
      case AGENT_ERROR: return "the agent or the connection failed; check timeouts, quotas and --rate-limit";
      default: return "see the failures below";
    }
  }

  private static Optional<String> goldErrors(RunRecord run) {
    TreeSet<String> ids = new TreeSet<>(NaturalOrder.INSTANCE);
    for (IterationData it : run.iterations()) {
      for (Split split : Split.values()) {
        it.questions(split).forEach((id, q) -> {
          if (q.statuses().containsKey(Status.GOLD_ERROR)) {
            ids.add(split.label() + " " + id);
          }
        });
      }
    }
    return ids.isEmpty() ? Optional.empty() : Optional.of("Fix the golden set: the expected SQL fails for "
        + String.join(", ", ids) + " (GOLD_ERROR), so these questions can never pass.");
  }

  private static Optional<String> flaky(IterationData it) {
    List<String> ids = it.flakyQuestions(Split.TRAIN);
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("Flaky in iteration " + it.iteration() + " (training): " + String.join(", ", ids)
        + "; make the prompt or examples more specific for them, and keep --num-repeats at 3 or more.");
  }

  /** Training questions with rows in every iteration that never passed a single repeat (golden errors aside). */
  private static Optional<String> neverPassed(RunRecord run) {
    TreeSet<String> seen = new TreeSet<>(NaturalOrder.INSTANCE);
    TreeSet<String> passed = new TreeSet<>(NaturalOrder.INSTANCE);
    for (IterationData it : run.iterations()) {
      it.questions(Split.TRAIN).forEach((id, q) -> {
        if (q.repeats() > q.statuses().getOrDefault(Status.GOLD_ERROR, 0)) {
          seen.add(id);
        }
        if (q.passes() > 0) {
          passed.add(id);
        }
      });
    }
    seen.removeAll(passed);
    return seen.isEmpty() ? Optional.empty() : Optional.of("Never passed in any iteration (training): "
        + String.join(", ", seen) + "; look at their evidence first.");
  }

  private static Optional<String> bestNotLast(RunRecord run) {
    if (!run.isOptimization()) {
      return Optional.empty();
    }
    Optional<IterationData> best = run.best();
    Optional<IterationData> last = run.last();
    if (best.isEmpty() || last.isEmpty() || best.get().iteration() == last.get().iteration()) {
      return Optional.empty();
    }
    return Optional.of("The best config is from iteration " + best.get().iteration() + ", not the last one: use "
        + "configs/best_config.json.");
  }
}
