package dev.diaharness.report;

import dev.diaharness.run.Split;
import dev.diaharness.run.SplitMetrics;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Recommendations derived from the recorded data only: the most common failure statuses with what to look at,
 * golden-set questions whose expected SQL fails, flaky questions, questions never passed, overfitting, an early
 * end. Stateless.
 */
final class Recommendations {
  private Recommendations() {}

  static List<Block> blocks(RunRecord run) {
    List<String> items = new ArrayList<>();
    Optional<IterationData> last = run.iterations().stream().filter(i -> i.train().isPresent())
        .reduce((a, b) -> b);
    last.ifPresent(it -> commonFailures(it).ifPresent(items::add));
    goldErrors(run).ifPresent(items::add);
    last.ifPresent(it -> flaky(it).ifPresent(items::add));
    neverPassed(run).ifPresent(items::add);
    SummarySection.overfitting(run).ifPresent(w -> items.add(w + " Add training questions like the failing test "
        + "ones, or prefer smaller prompt changes."));
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

  private static Optional<String> commonFailures(IterationData it) {
    SplitMetrics m = it.train().orElseThrow();
    List<Map.Entry<String, Long>> failing = new ArrayList<>(m.statusCounts().entrySet().stream()
        .filter(e -> e.getValue() > 0 && isFailure(e.getKey()))
        .toList());
    failing.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    if (failing.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Long> e : failing.subList(0, Math.min(3, failing.size()))) {
      parts.add(e.getKey() + " (" + e.getValue() + " answers: " + advice(Status.valueOf(e.getKey())) + ")");
    }
    return Optional.of("Most common failure statuses in iteration " + it.iteration() + " (training): "
        + String.join("; ", parts) + ".");
  }

  /** Statuses that are not a pass and not a golden-set problem (reported on its own). */
  private static boolean isFailure(String name) {
    try {
      Status s = Status.valueOf(name);
      return s != Status.GOLD_ERROR && !(s.allows(Outcome.PASS) && !s.allows(Outcome.FAIL));
    } catch (IllegalArgumentException e) {
      return false; // a status from a newer version: shown in the tables, not advised on
    }
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
        it.rows(split).stream().filter(r -> r.status() == Status.GOLD_ERROR)
            .forEach(r -> ids.add(split.label() + " " + r.questionId()));
      }
    }
    return ids.isEmpty() ? Optional.empty() : Optional.of("Fix the golden set: the expected SQL fails for "
        + String.join(", ", ids) + " (GOLD_ERROR), so these questions can never pass.");
  }

  private static Optional<String> flaky(IterationData it) {
    List<String> ids = new ArrayList<>(it.train().orElseThrow().flakyQuestions());
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    ids.sort(NaturalOrder.INSTANCE);
    return Optional.of("Flaky in iteration " + it.iteration() + " (training): " + String.join(", ", ids)
        + "; make the prompt or examples more specific for them, and keep --num-repeats at 3 or more.");
  }

  /** Training questions with rows in every iteration that never passed a single repeat (golden errors aside). */
  private static Optional<String> neverPassed(RunRecord run) {
    TreeSet<String> seen = new TreeSet<>(NaturalOrder.INSTANCE);
    TreeSet<String> passed = new TreeSet<>(NaturalOrder.INSTANCE);
    for (IterationData it : run.iterations()) {
      it.trainRows().forEach(r -> {
        if (r.status() != Status.GOLD_ERROR) {
          seen.add(r.questionId());
        }
        if (r.passed()) {
          passed.add(r.questionId());
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
