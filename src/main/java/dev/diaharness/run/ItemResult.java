package dev.diaharness.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.scoring.Evidence;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One finished (iteration, split, question, repeat): a line of {@code journal.jsonl} and of
 * {@code iterations/<i>/eval_<split>.jsonl} (SPEC §6), in snake_case JSON. Bump {@link #CURRENT_VERSION} when the
 * fields change.
 *
 * @param generatedSql null when the agent gave no SQL
 * @param sqlSource    where the SQL was found: ANSWER, FOLLOW_UP, THOUGHTS or NONE
 * @param latencyMs    wall time of the whole conversation
 * @param agentCalls   HTTP calls the conversation made (sessions, questions, follow-ups)
 * @param tokens       token counts by role for this item, where reported (e.g. {@code judge_input})
 * @param error        null unless the item is an error row (agent broken, or golden SQL failing)
 * @param errorKind    for error rows: the {@code AgentError.Kind} name, or GOLD_ERROR
 * @param toolEvents   the agent's tool-progress elements (status updates, tool calls), one line each
 * @param rawStream    error rows only: the start (at most {@link #RAW_IN_ROW} characters) of the raw streams
 * @param rawStreams   every raw stream body of the conversation, in full with {@code --keep-raw}; never written
 *                     to the journal ({@code RawStreamSink} saves them gzipped)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ItemResult(
    int version,
    int iteration,
    Split split,
    String questionId,
    int repeat,
    String question,
    String expectedSql,
    String generatedSql,
    String sqlSource,
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
    @JsonProperty("error") String error,
    String errorKind,
    List<String> toolEvents,
    String rawStream,
    @JsonIgnore List<String> rawStreams) {

  public static final int CURRENT_VERSION = 2;
  /** How much of the raw streams an error row keeps: 64 KiB. */
  public static final int RAW_IN_ROW = 64 * 1024;

  public ItemResult {
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(questionId, "question_id");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(status, "status");
    categories = Objects.requireNonNullElse(categories, CategoryScores.ZERO);
    evidence = Objects.requireNonNullElse(evidence, Evidence.of(""));
    tokens = Map.copyOf(Objects.requireNonNullElse(tokens, Map.of()));
    thoughts = Objects.requireNonNullElse(thoughts, "");
    agentResponse = Objects.requireNonNullElse(agentResponse, "");
    sqlSource = Objects.requireNonNullElse(sqlSource, "NONE");
    toolEvents = List.copyOf(Objects.requireNonNullElse(toolEvents, List.of()));
    rawStreams = List.copyOf(Objects.requireNonNullElse(rawStreams, List.of()));
  }

  /** A row without tool events or raw streams (version 1 fields). */
  public ItemResult(int version, int iteration, Split split, String questionId, int repeat, String question,
      String expectedSql, String generatedSql, String sqlSource, String thoughts, String agentResponse,
      Outcome verdict, Status status, int score, CategoryScores categories, Evidence evidence, long latencyMs,
      int agentCalls, Map<String, Long> tokens, Instant timestamp, String error, String errorKind) {
    this(version, iteration, split, questionId, repeat, question, expectedSql, generatedSql, sqlSource, thoughts,
        agentResponse, verdict, status, score, categories, evidence, latencyMs, agentCalls, tokens, timestamp, error,
        errorKind, List.of(), null, List.of());
  }

  /** This row without its full raw streams (after they were saved). */
  public ItemResult withoutRawStreams() {
    return new ItemResult(version, iteration, split, questionId, repeat, question, expectedSql, generatedSql,
        sqlSource, thoughts, agentResponse, verdict, status, score, categories, evidence, latencyMs, agentCalls,
        tokens, timestamp, error, errorKind, toolEvents, rawStream, List.of());
  }

  public ItemKey key() {
    return new ItemKey(iteration, split, questionId, repeat);
  }

  public boolean passed() {
    return verdict == Outcome.PASS;
  }

  /**
   * An error row: the agent (or the golden SQL) was broken, so nothing could be scored. Not a JSON property: as a
   * bean getter it would otherwise replace the {@code error} message with {@code true/false} in every file.
   */
  @JsonIgnore
  public boolean isError() {
    return verdict == Outcome.ERROR;
  }
}
