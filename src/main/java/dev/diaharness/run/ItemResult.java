package dev.diaharness.run;

import dev.diaharness.agent.AgentError;
import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.scoring.Evidence;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Status;
import dev.diaharness.scoring.Verdict;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished (iteration, split, question, repeat): what was asked, what the agent answered, the verdict, what it
 * cost, and — for an error row — what broke. A line of {@code journal.jsonl} and of
 * {@code iterations/<i>/eval_<split>.jsonl} (SPEC §6); the files keep a flat snake_case shape, written and read
 * through {@link ItemResultJson}. The verdict's status allows its outcome ({@link Verdict}), and a row is an error
 * row exactly when its outcome is {@link Outcome#ERROR}: then {@code error} says what broke, with
 * {@link ErrorKind#GOLD_ERROR} exactly for a {@link Status#GOLD_ERROR} verdict. This record is immutable.
 *
 * @throws IllegalArgumentException when the error does not match the verdict
 */
public record ItemResult(ItemKey key, AskedQuestion question, AgentAnswer answer, Verdict verdict, Timing timing,
    Optional<RowError> error) {

  public ItemResult {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(timing, "timing");
    error = Objects.requireNonNullElse(error, Optional.empty());
    boolean errorRow = verdict.outcome() == Outcome.ERROR;
    if (errorRow != error.isPresent()) {
      throw new IllegalArgumentException(errorRow
          ? "an error row (status " + verdict.status() + ") needs an error and its kind"
          : "only an error row can have an error; outcome " + verdict.outcome() + " has " + error.get().kind());
    }
    boolean goldStatus = verdict.status() == Status.GOLD_ERROR;
    if (errorRow && goldStatus != (error.get().kind() == ErrorKind.GOLD_ERROR)) {
      throw new IllegalArgumentException("error_kind " + error.get().kind() + " does not fit status "
          + verdict.status() + ": GOLD_ERROR goes with GOLD_ERROR only");
    }
  }

  /** A scored row: the verdict decided the answer (pass, fail or undecided). */
  public static ItemResult scored(ItemKey key, AskedQuestion question, AgentAnswer answer, Verdict verdict,
      Timing timing) {
    return new ItemResult(key, question, answer, verdict, timing, Optional.empty());
  }

  /**
   * An agent error row: the conversation broke, so nothing was scored. Keeps the start of the raw streams.
   */
  public static ItemResult agentError(ItemKey key, AskedQuestion question, AgentAnswer answer, AgentError failure,
      Timing timing) {
    Verdict verdict = Verdict.of(Outcome.ERROR, Status.AGENT_ERROR, CategoryScores.ZERO,
        Evidence.of(failure.kind() + ": " + failure.reason()));
    return new ItemResult(key, question, answer, verdict, timing,
        Optional.of(RowError.of(ErrorKind.of(failure.kind()), failure.reason(), answer.rawStreams())));
  }

  /**
   * A gold error row: the expected SQL failed (a golden-set problem, reported apart from agent failures). The
   * message is the verdict's evidence summary; the start of the raw streams is kept.
   *
   * @throws IllegalArgumentException when the verdict's status is not {@link Status#GOLD_ERROR}
   */
  public static ItemResult goldError(ItemKey key, AskedQuestion question, AgentAnswer answer, Verdict verdict,
      Timing timing) {
    return new ItemResult(key, question, answer, verdict, timing, Optional.of(
        RowError.of(ErrorKind.GOLD_ERROR, verdict.evidence().summary(), answer.rawStreams())));
  }

  /** This row without its full raw streams (after they were saved). */
  public ItemResult withoutRawStreams() {
    return new ItemResult(key, question, answer.withoutRawStreams(), verdict, timing, error);
  }

  /** This row with another verdict (and error, which must fit it). */
  public ItemResult withVerdict(Verdict verdict, Optional<RowError> error) {
    return new ItemResult(key, question, answer, verdict, timing, error);
  }

  public boolean passed() {
    return verdict.passed();
  }

  /** An error row: the agent (or the golden SQL) was broken, so nothing could be scored. */
  public boolean isError() {
    return error.isPresent();
  }
}
