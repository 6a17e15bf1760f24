package dev.diaharness.testing;

import dev.diaharness.agent.SqlSource;
import dev.diaharness.run.AgentAnswer;
import dev.diaharness.run.AskedQuestion;
import dev.diaharness.run.ItemKey;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.Split;
import dev.diaharness.run.Timing;
import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.scoring.Evidence;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Status;
import dev.diaharness.scoring.Verdict;
import java.time.Instant;

/** Journal rows for tests, built through {@link ItemResult}'s factories so every row obeys its rules. */
public final class Rows {
  private Rows() {}

  /** A pass with full marks under {@code passStatus}, or a fail with none under {@code failStatus}. */
  public static Verdict verdict(boolean pass, Status passStatus, Status failStatus, Evidence evidence) {
    return pass ? Verdict.of(Outcome.PASS, passStatus, CategoryScores.FULL, evidence)
        : Verdict.of(Outcome.FAIL, failStatus, CategoryScores.ZERO, evidence);
  }

  /** An EXACT pass or an EXEC_MISMATCH fail, with no evidence. */
  public static Verdict verdict(boolean pass) {
    return verdict(pass, Status.EXACT, Status.EXEC_MISMATCH, Evidence.of(""));
  }

  /** A scored row whose SQL came from the answer, 10 ms and 3 calls at the epoch. */
  public static ItemResult scored(ItemKey key, String question, String expectedSql, String sql, Verdict verdict) {
    return scored(key, question, expectedSql, sql, verdict, Timing.of(10, 3, Instant.EPOCH));
  }

  /** A scored row whose SQL came from the answer. */
  public static ItemResult scored(ItemKey key, String question, String expectedSql, String sql, Verdict verdict,
      Timing timing) {
    return ItemResult.scored(key, new AskedQuestion(question, expectedSql), AgentAnswer.ofSql(sql, SqlSource.ANSWER),
        verdict, timing);
  }

  /** Iteration 1's row of question {@code id} ("question id", SELECT 1 expected and given): EXACT or EXEC_MISMATCH. */
  public static ItemResult passOrFail(Split split, String id, int repeat, boolean pass) {
    return scored(new ItemKey(1, split, id, repeat), "question " + id, "SELECT 1", "SELECT 1", verdict(pass));
  }
}
