package dev.diaharness.agent.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.agent.AgentAccessDeniedException;
import dev.diaharness.core.InputException;
import dev.diaharness.core.RetryAfter;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Turns a non-2xx response into the exception that says what to do with it (SPEC §3.1 errors): 403 denied (never
 * retried), 429/5xx and any 400 without FAILED_PRECONDITION retryable (SPEC §3.1; a 400 that stays after the
 * retries is reported as the service rejecting the request), 400 FAILED_PRECONDITION an agent failure, 404 not
 * found, any other 4xx bad input (wrong project, location or engine). Stateless.
 */
final class ResponseClassifier {
  private static final int MAX_MESSAGE = 300;

  private ResponseClassifier() {}

  /**
   * @param call  what was called, e.g. {@code "GET projects/…/agents"}, for the message
   * @param steps how to authorize, for a 403
   */
  static RuntimeException classify(
      String call, int status, String body, Optional<String> retryAfter, Clock clock, List<String> steps) {
    String message = serviceMessage(body);
    String line = call + " answered " + status + (message.isEmpty() ? "" : ": " + message);
    if (status == 403) {
      return new AgentAccessDeniedException(
          "the agent or the caller is not authorized (" + line + ")", steps, Optional.empty());
    }
    if (status == 429 || status >= 500) {
      return new ApiFailure.Retryable(status, RetryAfter.parse(retryAfter, clock), line);
    }
    if (status == 400) {
      return body.contains("FAILED_PRECONDITION")
          ? new ApiFailure.FailedPrecondition(line)
          : new ApiFailure.Retryable(status, RetryAfter.parse(retryAfter, clock), line);
    }
    if (status == 404) {
      return new ApiFailure.NotFound(line);
    }
    if (status == 401) {
      return new InputException(line + " (no valid credentials: run 'gcloud auth application-default login' "
          + "or set GOOGLE_APPLICATION_CREDENTIALS)");
    }
    return new InputException(line + " (check GOOGLE_CLOUD_PROJECT, DIA_LOCATION and DIA_ENGINE_ID)");
  }

  /** {@code error.status: error.message} of a Google error body, else the body's start. */
  static String serviceMessage(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonNode error = Json.MAPPER.readTree(body).path("error");
      if (error.isObject()) {
        String status = error.path("status").asText("");
        String text = error.path("message").asText("");
        return shorten(status.isEmpty() ? text : status + ": " + text);
      }
    } catch (IOException | RuntimeException notJson) {
      // fall through: show the raw start of the body
    }
    return shorten(body.strip());
  }

  private static String shorten(String s) {
    String oneLine = s.replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
  }
}
