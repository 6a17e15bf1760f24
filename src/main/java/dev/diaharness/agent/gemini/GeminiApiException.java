package dev.diaharness.agent.gemini;

import dev.diaharness.core.RunStoppedException;

/**
 * The agent API failed in a way that is neither bad input nor a missing authorization: retries exhausted on 429 or
 * 5xx, a timeout, a broken connection, or a long-running operation that ended in error or did not finish in time.
 * The message is one line a user can act on and never holds a credential. When it reaches the CLI, the command
 * stopped early because of the service (exit 4).
 */
public final class GeminiApiException extends RunStoppedException {
  public GeminiApiException(String message) {
    super(message);
  }

  public GeminiApiException(String message, Throwable cause) {
    super(message, cause);
  }
}
