package dev.diaharness.run;

import dev.diaharness.agent.SqlSource;
import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.scoring.Evidence;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Status;
import dev.diaharness.scoring.Verdict;
import dev.diaharness.testing.Gen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded random rows of one split and iteration: 1–14 questions (ids whose numbers sort differently as text and as
 * numbers: q2, q10), each with 1–4 repeats (not all questions the same number), any status with an outcome it
 * allows, error rows among them. Every key (question, repeat) appears once.
 */
final class RandomRows {
  private RandomRows() {}

  static List<ItemResult> of(long seed) {
    Random random = new Random(seed);
    List<ItemResult> rows = new ArrayList<>();
    int questions = Gen.intBetween(random, 1, 14);
    for (int q = 1; q <= questions; q++) {
      int repeats = Gen.intBetween(random, 1, 4);
      for (int r = 1; r <= repeats; r++) {
        rows.add(row("q" + q, r, Gen.oneOf(random, Status.values()), random));
      }
    }
    return rows;
  }

  /** A row of {@code status} with one of the outcomes it allows, picked by {@code random}. */
  static ItemResult row(String questionId, int repeat, Status status, Random random) {
    List<Outcome> allowed = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      if (status.allows(o)) {
        allowed.add(o);
      }
    }
    Outcome outcome = Gen.oneOf(random, allowed);
    var key = new ItemKey(1, Split.TRAIN, questionId, repeat);
    var question = new AskedQuestion("question " + questionId, "SELECT 1");
    var verdict = Verdict.of(outcome, status, outcome == Outcome.PASS ? CategoryScores.FULL : CategoryScores.ZERO,
        Evidence.of(status.name()));
    var timing = Timing.of(Gen.longBetween(random, 0, 5000), 1, Instant.EPOCH);
    if (outcome != Outcome.ERROR) {
      return ItemResult.scored(key, question, AgentAnswer.ofSql("SELECT 1", SqlSource.ANSWER), verdict, timing);
    }
    var kind = status == Status.GOLD_ERROR ? ErrorKind.GOLD_ERROR : ErrorKind.FAILED;
    return new ItemResult(key, question, AgentAnswer.NONE, verdict, timing, Optional.of(RowError.of(kind, "broken")));
  }
}
