package dev.diaharness.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.dataset.GoldenCase;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JudgeAlongsideTest {
  private final AtomicInteger judgeCalls = new AtomicInteger();
  private final ScoringStage lenientJudge = in -> {
    judgeCalls.incrementAndGet();
    return Optional.of(Verdict.of(Outcome.PASS, Status.JUDGED, CategoryScores.FULL, Evidence.of("looks equivalent")));
  };

  private static ScoringInput input(String generated) {
    return new ScoringInput(GoldenCase.of("q1", "How many?", "SELECT 1"), Optional.ofNullable(generated), "", "", "");
  }

  @Test
  void theJudgesOpinionIsRecordedButNeverOverridesExecution() {
    Scorer execution = in -> Verdict.of(Outcome.FAIL, Status.COUNTEREXAMPLE, CategoryScores.ZERO,
        Evidence.of("differs on a variant"));
    Verdict v = new JudgeAlongside(execution, lenientJudge).score(input("SELECT 2"));
    assertThat(v.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(v.status()).isEqualTo(Status.COUNTEREXAMPLE);
    assertThat(v.evidence().details()).containsEntry("judge_outcome", "PASS").containsEntry("judge_score", 100);
  }

  @Test
  void noSqlAndExactAnswersAreNeverSentToTheJudge() {
    Scorer pipeline = new ScoringPipeline(List.of(new NoSqlStage(), new ExactMatchStage()));
    JudgeAlongside scorer = new JudgeAlongside(pipeline, lenientJudge);
    assertThat(scorer.score(input(null)).status()).isEqualTo(Status.NO_SQL);
    assertThat(scorer.score(input("select 1;")).status()).isEqualTo(Status.EXACT);
    assertThat(judgeCalls).hasValue(0);
  }
}
