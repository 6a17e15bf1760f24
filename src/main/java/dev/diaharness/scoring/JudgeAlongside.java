package dev.diaharness.scoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --judge always}: the judge also looks at answers that execution decided, and its opinion is recorded in
 * the evidence ({@code judge_outcome}, {@code judge_score}, {@code judge_summary}) beside the execution verdict,
 * which stays the verdict. Never asked for NO_SQL or EXACT answers, or for errors. Thread-safe.
 */
public final class JudgeAlongside implements Scorer {
  private final Scorer pipeline;
  private final ScoringStage judge;

  public JudgeAlongside(Scorer pipeline, ScoringStage judge) {
    this.pipeline = pipeline;
    this.judge = judge;
  }

  @Override
  public Verdict score(ScoringInput input) {
    Verdict verdict = pipeline.score(input);
    if (!worthASecondOpinion(verdict)) {
      return verdict;
    }
    Optional<Verdict> opinion = judge.decide(input);
    if (opinion.isEmpty()) {
      return verdict;
    }
    Map<String, Object> details = new LinkedHashMap<>(verdict.evidence().details());
    details.put("judge_outcome", opinion.get().outcome().name());
    details.put("judge_score", opinion.get().score());
    details.put("judge_summary", opinion.get().evidence().summary());
    return new Verdict(verdict.outcome(), verdict.status(), verdict.score(), verdict.categories(),
        new Evidence(verdict.evidence().summary(), details));
  }

  private static boolean worthASecondOpinion(Verdict v) {
    switch (v.status()) {
      case EXEC_EQUIVALENT:
      case COUNTEREXAMPLE:
      case EXEC_MISMATCH:
      case PRED_ERROR:
        return true;
      default:
        return false; // NO_SQL, EXACT, JUDGED already, UNSUPPORTED (the judge already ran), errors
    }
  }
}
