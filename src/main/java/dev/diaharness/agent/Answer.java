package dev.diaharness.agent;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one conversation with an agent produced: the question, then (per {@code --sql-followup}) the SQL follow-up
 * in the same session.
 *
 * @param responseText   the answer text of the first turn (fragments joined in order, thoughts excluded)
 * @param thoughts       the reasoning parts ({@code thought: true}) of all turns
 * @param sql            the extracted SQL, if any
 * @param sqlSource      where {@code sql} came from ({@link SqlSource#NONE} when empty)
 * @param callLatencies  wall time of each HTTP call of the conversation, in order
 * @param assistTokens   {@code assistToken}s seen, in order
 * @param rawChunks      the raw stream bodies, size-capped (uncapped with {@code --keep-raw}), for debugging
 * @param error          present when the conversation failed (an error row, not a wrong answer)
 * @param toolEvents     tool-progress elements of all turns (status updates, tool calls), never in the text
 */
public record Answer(
    String responseText,
    String thoughts,
    Optional<String> sql,
    SqlSource sqlSource,
    List<Duration> callLatencies,
    List<String> assistTokens,
    List<String> rawChunks,
    Optional<AgentError> error,
    List<ToolEvent> toolEvents) {

  public Answer {
    responseText = Objects.requireNonNullElse(responseText, "");
    thoughts = Objects.requireNonNullElse(thoughts, "");
    sql = Objects.requireNonNullElse(sql, Optional.empty());
    sqlSource = sql.isEmpty() ? SqlSource.NONE : Objects.requireNonNull(sqlSource, "sqlSource");
    callLatencies = List.copyOf(Objects.requireNonNullElse(callLatencies, List.of()));
    assistTokens = List.copyOf(Objects.requireNonNullElse(assistTokens, List.of()));
    rawChunks = List.copyOf(Objects.requireNonNullElse(rawChunks, List.of()));
    error = Objects.requireNonNullElse(error, Optional.empty());
    toolEvents = List.copyOf(Objects.requireNonNullElse(toolEvents, List.of()));
  }

  /** An answer without tool events. */
  public Answer(String responseText, String thoughts, Optional<String> sql, SqlSource sqlSource,
      List<Duration> callLatencies, List<String> assistTokens, List<String> rawChunks, Optional<AgentError> error) {
    this(responseText, thoughts, sql, sqlSource, callLatencies, assistTokens, rawChunks, error, List.of());
  }

  /** An answer that is only an error. */
  public static Answer failed(AgentError error, List<Duration> latencies) {
    return failed(error, latencies, List.of());
  }

  /** An answer that is only an error, keeping the raw bodies that arrived before it failed. */
  public static Answer failed(AgentError error, List<Duration> latencies, List<String> rawChunks) {
    return new Answer("", "", Optional.empty(), SqlSource.NONE, latencies, List.of(), rawChunks, Optional.of(error),
        List.of());
  }

  /** Total wall time of the conversation's calls. */
  public Duration totalLatency() {
    return callLatencies.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
