package dev.diaharness.agent;

import java.util.Objects;

/**
 * A tool-progress element of an agent's stream, kept beside the answer and never in its text: a
 * {@code statusUpdates[]} entry ("Generating BigQuery SQL queries starts"), an empty reply that only carries a
 * {@code replyId} (a tool call), or a {@code codeExecutionResult}.
 *
 * @param kind what the element was
 * @param id   {@code invocationId} or {@code replyId} ({@code FunctionCallId_0}), empty when the service gave none
 * @param text the update text or outcome, empty for a bare tool call
 */
public record ToolEvent(Kind kind, String id, String text) {
  public enum Kind {
    /** {@code statusUpdates[].updateText} */
    STATUS,
    /** a reply with a {@code replyId} and no text */
    TOOL_CALL,
    /** {@code content.codeExecutionResult} */
    CODE_RESULT
  }

  public ToolEvent {
    Objects.requireNonNull(kind, "kind");
    id = Objects.requireNonNullElse(id, "");
    text = Objects.requireNonNullElse(text, "");
  }

  /** One line for a row or a report: {@code STATUS FunctionCallId_0: Generating BigQuery SQL queries starts}. */
  public String describe() {
    String head = id.isEmpty() ? kind.name() : kind.name() + " " + id;
    return text.isEmpty() ? head : head + ": " + text;
  }
}
