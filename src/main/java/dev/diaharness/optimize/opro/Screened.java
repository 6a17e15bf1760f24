package dev.diaharness.optimize.opro;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of screening one candidate: its minibatch result, or why it could not be tried (its deploy failed,
 * the agent could not be asked…). Immutable.
 *
 * @param result  present when the candidate was tried
 * @param failure the reason it was not; empty when it was
 */
public record Screened(Optional<MinibatchResult> result, String failure) {
  public Screened {
    Objects.requireNonNull(result, "result");
    failure = Objects.requireNonNullElse(failure, "");
    if (result.isPresent() == !failure.isEmpty()) {
      throw new IllegalArgumentException("a screened candidate has either a result or a failure, not both");
    }
  }

  public static Screened passed(MinibatchResult result) {
    return new Screened(Optional.of(result), "");
  }

  /** A candidate that could not be tried; a blank reason is named as unknown. */
  public static Screened failed(String reason) {
    return new Screened(Optional.empty(), reason == null || reason.isBlank() ? "unknown failure" : reason);
  }
}
