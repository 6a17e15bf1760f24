package dev.diaharness.llm;

import dev.diaharness.scoring.ScoringInput;
import dev.diaharness.scoring.ScoringStage;
import dev.diaharness.scoring.Verdict;
import java.util.Objects;
import java.util.Optional;

/**
 * The LLM judge as the last scoring stage. It refuses to judge an answer without generated SQL and returns empty, so
 * the NO_SQL stage decides it and no model call is made (the Python tool paid a judge call for it, SPEC §7).
 * Otherwise it always decides: JUDGED pass/fail, or UNDECIDED/UNSUPPORTED when the judge failed (never a pass).
 * Place it after the execution stages; the pipeline order is the scorer's job. Thread-safe.
 */
public final class JudgeStage implements ScoringStage {
  private final LlmJudge judge;

  public JudgeStage(LlmJudge judge) {
    this.judge = Objects.requireNonNull(judge, "judge");
  }

  /** A stage with its own judge over {@code model}. */
  public JudgeStage(ChatModel model, JudgeMode mode, JudgeCache cache, UsageLedger ledger, Optional<Budget> budget) {
    this(new LlmJudge(model, mode, cache, ledger, budget));
  }

  @Override
  public Optional<Verdict> decide(ScoringInput input) {
    if (input.generatedSql().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(judge.judge(JudgeQuery.of(input)));
  }
}
