package dev.diaharness.run;

import dev.diaharness.agent.Answer;
import dev.diaharness.agent.SqlSource;
import dev.diaharness.agent.ToolEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the agent answered, as a journal row keeps it. This record is immutable.
 *
 * @param sql          the SQL that was scored, if the agent gave any
 * @param sqlSource    where {@code sql} was found; {@link SqlSource#NONE} exactly when there is none
 * @param thoughts     the agent's reasoning parts ({@code ""} when none)
 * @param responseText the text of the first answer ({@code ""} when none)
 * @param toolEvents   the agent's tool-progress elements (status updates, tool calls), one line each
 * @param rawStreams   every raw stream body of the conversation, in full with {@code --keep-raw}; never written to
 *                     the journal ({@code RawStreamSink} saves them gzipped, then drops them)
 */
public record AgentAnswer(Optional<String> sql, SqlSource sqlSource, String thoughts, String responseText,
    List<String> toolEvents, List<String> rawStreams) {

  /** No answer at all: no SQL, no text. */
  public static final AgentAnswer NONE =
      new AgentAnswer(Optional.empty(), SqlSource.NONE, "", "", List.of(), List.of());

  public AgentAnswer {
    sql = Objects.requireNonNullElse(sql, Optional.empty());
    sqlSource = sql.isEmpty() ? SqlSource.NONE : Objects.requireNonNull(sqlSource, "sql_source");
    thoughts = Objects.requireNonNullElse(thoughts, "");
    responseText = Objects.requireNonNullElse(responseText, "");
    toolEvents = List.copyOf(Objects.requireNonNullElse(toolEvents, List.of()));
    rawStreams = List.copyOf(Objects.requireNonNullElse(rawStreams, List.of()));
  }

  /** An answer with SQL from {@code source}, and no text, tool events or raw streams. */
  public static AgentAnswer ofSql(String sql, SqlSource source) {
    return new AgentAnswer(Optional.ofNullable(sql), source, "", "", List.of(), List.of());
  }

  /** What the journal keeps of a conversation's answer. */
  public static AgentAnswer of(Answer answer) {
    return new AgentAnswer(answer.sql(), answer.sqlSource(), answer.thoughts(), answer.responseText(),
        answer.toolEvents().stream().map(ToolEvent::describe).toList(), answer.rawChunks());
  }

  /** This answer without its full raw streams (after they were saved). */
  public AgentAnswer withoutRawStreams() {
    return new AgentAnswer(sql, sqlSource, thoughts, responseText, toolEvents, List.of());
  }

  /** This answer with other thoughts and response text. */
  public AgentAnswer withText(String thoughts, String responseText) {
    return new AgentAnswer(sql, sqlSource, thoughts, responseText, toolEvents, rawStreams);
  }
}
