package dev.diaharness.agent.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a long-running operation (GET {@code /v1alpha/{name}} until {@code done}), polling with a growing
 * interval and a bounded total time (the Python tool could wait forever and ignored failed polls). Thread-safe.
 */
final class OperationWaiter {
  private final GeminiHttp http;
  private final CallPolicy policy;

  OperationWaiter(GeminiHttp http) {
    this.http = http;
    this.policy = http.settings().policy();
  }

  /** True when a call's response is an operation that has not finished yet. */
  static boolean isPendingOperation(JsonNode response) {
    return response.path("name").asText("").contains("/operations/") && !response.path("done").asBoolean(false);
  }

  /**
   * Polls {@code operation} until it is done.
   *
   * @param what        what the operation does, for messages ("deploy of agent 123")
   * @param doneAnyway  checked when the time is up: true when the goal was reached regardless (agent ENABLED)
   * @return the finished operation
   * @throws GeminiApiException when it ends with an error, or is not done in time and {@code doneAnyway} is false
   */
  JsonNode await(String operation, String what, BooleanSupplier doneAnyway) {
    long deadline = System.nanoTime() + policy.lroTimeout().toNanos();
    Duration interval = policy.lroInitialPoll();
    while (true) {
      JsonNode op = http.get(operation);
      if (op.hasNonNull("error")) {
        throw new GeminiApiException(what + " failed: " + describe(op.get("error")) + " (operation " + operation + ")");
      }
      if (op.path("done").asBoolean(false)) {
        return op;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        if (doneAnyway.getAsBoolean()) {
          return op;
        }
        throw new GeminiApiException(what + " did not finish within " + policy.lroTimeout().toSeconds()
            + " s (operation " + operation + " is still running)");
      }
      sleep(Duration.ofNanos(Math.min(interval.toNanos(), left)));
      interval = min(Duration.ofMillis(Math.round(interval.toMillis() * 1.5)), policy.lroMaxPoll());
    }
  }

  /** An operation's {@code error {code, message, details}} in one line (google.rpc.Status: code is numeric). */
  static String describe(JsonNode error) {
    StringBuilder line = new StringBuilder();
    if (error.hasNonNull("code")) {
      line.append("code ").append(error.get("code").asText()).append(": ");
    }
    line.append(error.path("message").asText("(no message)"));
    for (JsonNode detail : error.path("details")) {
      String reason = detail.path("reason").asText(detail.path("@type").asText(""));
      if (!reason.isBlank()) {
        line.append("; ").append(reason);
      }
    }
    return ResponseClassifier.serviceMessage(line.toString());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(Math.max(1, d.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GeminiApiException("interrupted while waiting for an operation");
    }
  }
}
