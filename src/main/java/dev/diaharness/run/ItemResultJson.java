package dev.diaharness.run;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.diaharness.agent.SqlSource;
import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.scoring.Evidence;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Status;
import dev.diaharness.scoring.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The file shape of an {@link ItemResult}: one flat snake_case JSON object per line of {@code journal.jsonl} and
 * {@code eval_<split>.jsonl} (SPEC §6), used only to write and read rows. The domain record groups the fields into
 * named parts; this view keeps the shape every existing run folder has, so {@code --resume}, {@code report} and
 * {@code compare} read old runs unchanged. Bump {@link #CURRENT_VERSION} when the fields change. Absent fields
 * (JSON has no nulls here) are nulls; {@link #toResult()} applies the defaults and checks the row.
 *
 * @param generatedSql null when the agent gave no SQL
 * @param error        null unless the row is an error row
 * @param errorKind    for error rows: what broke
 * @param toolEvents   null in version 1 rows
 * @param rawStream    error rows only: the start of the raw streams ({@link RowError#rawStart()})
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ItemResultJson(
    int version,
    int iteration,
    Split split,
    String questionId,
    int repeat,
    String question,
    String expectedSql,
    String generatedSql,
    SqlSource sqlSource,
    String thoughts,
    String agentResponse,
    Outcome verdict,
    Status status,
    int score,
    CategoryScores categories,
    Evidence evidence,
    long latencyMs,
    int agentCalls,
    Map<String, Long> tokens,
    Instant timestamp,
    String error,
    ErrorKind errorKind,
    List<String> toolEvents,
    String rawStream) {

  /** The row version this dia-harness writes; version 1 rows (no tool events, no raw stream) are read too. */
  public static final int CURRENT_VERSION = 2;

  /** The file shape of {@code row}, at the current version; the full raw streams are never written. */
  public static ItemResultJson of(ItemResult row) {
    ItemKey key = row.key();
    AgentAnswer answer = row.answer();
    Verdict v = row.verdict();
    Timing t = row.timing();
    Optional<RowError> error = row.error();
    return new ItemResultJson(CURRENT_VERSION, key.iteration(), key.split(), key.questionId(), key.repeat(),
        row.question().text(), row.question().expectedSql(), answer.sql().orElse(null), answer.sqlSource(),
        answer.thoughts(), answer.responseText(), v.outcome(), v.status(), v.score(), v.categories(), v.evidence(),
        t.latencyMs(), t.agentCalls(), t.tokens(), t.timestamp(),
        error.map(RowError::message).orElse(null), error.map(RowError::kind).orElse(null),
        answer.toolEvents(), error.flatMap(RowError::rawStart).orElse(null));
  }

  /**
   * The row this line holds.
   *
   * @throws IllegalArgumentException naming the field when the line is not a consistent row (a status that does not
   *                                  allow the outcome, an error without its kind, a score that is not the sum of
   *                                  the categories…)
   */
  public ItemResult toResult() {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(timestamp, "timestamp");
    var key = new ItemKey(iteration, split, questionId, repeat);
    var answer = new AgentAnswer(Optional.ofNullable(generatedSql), sqlSource, thoughts, agentResponse, toolEvents,
        List.of());
    var scored = new Verdict(verdict, status, score, Objects.requireNonNullElse(categories, CategoryScores.ZERO),
        Objects.requireNonNullElse(evidence, Evidence.of("")));
    return new ItemResult(key, new AskedQuestion(question, expectedSql), answer, scored,
        new Timing(latencyMs, agentCalls, tokens, timestamp), rowError());
  }

  private Optional<RowError> rowError() {
    if (error == null) {
      if (errorKind != null || rawStream != null) {
        throw new IllegalArgumentException("error_kind or raw_stream without an error");
      }
      return Optional.empty();
    }
    if (errorKind == null) {
      throw new IllegalArgumentException("error without its error_kind");
    }
    return Optional.of(new RowError(errorKind, error, Optional.ofNullable(rawStream)));
  }
}
