package dev.diaharness.agent;

import java.util.List;
import java.util.Optional;

/**
 * 403 from the agent API, or an answer that requires an authorization the agent lacks. Never retried: the run
 * stops, keeps what it wrote, and shows the steps.
 *
 * @see #steps()
 */
public final class AgentAccessDeniedException extends RuntimeException {
  private final List<String> steps;
  private final Optional<String> authorizationUri;

  public AgentAccessDeniedException(String message, List<String> steps, Optional<String> authorizationUri) {
    super(message);
    this.steps = List.copyOf(steps);
    this.authorizationUri = authorizationUri;
  }

  /** What the user should do, one step a line. */
  public List<String> steps() {
    return steps;
  }

  /** The consent URL from {@code requiredAuthorizations}, when the service gave one. */
  public Optional<String> authorizationUri() {
    return authorizationUri;
  }
}
