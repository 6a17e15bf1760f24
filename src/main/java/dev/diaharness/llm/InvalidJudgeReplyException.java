package dev.diaharness.llm;

/** A judge reply that does not follow the reply schema or contradicts itself; the message says what is wrong. */
public final class InvalidJudgeReplyException extends Exception {
  public InvalidJudgeReplyException(String message) {
    super(message);
  }
}
