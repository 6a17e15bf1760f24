package dev.diaharness.agent;

import java.util.Objects;

/**
 * One agent of an engine as listed: its numeric id, display name and state ({@code CONFIGURED}, {@code CREATING},
 * {@code DEPLOYING}, {@code ENABLED} = deployed, {@code DISABLED}, {@code CREATION_FAILED},
 * {@code DEPLOYMENT_FAILED}), and for a failure state the reason the service gave (empty when none).
 */
public record AgentSummary(String id, String displayName, String state, String failureReason) {
  public AgentSummary {
    Objects.requireNonNull(id, "id");
    displayName = Objects.requireNonNullElse(displayName, "");
    state = Objects.requireNonNullElse(state, "");
    failureReason = Objects.requireNonNullElse(failureReason, "");
  }

  public AgentSummary(String id, String displayName, String state) {
    this(id, displayName, state, "");
  }

  /** True when the agent answers questions: state {@code ENABLED}. */
  public boolean isDeployed() {
    return state.equals("ENABLED");
  }

  /** True for {@code CREATION_FAILED} and {@code DEPLOYMENT_FAILED}. */
  public boolean isFailed() {
    return state.endsWith("_FAILED");
  }

  /** The state, with the failure reason when there is one: {@code DEPLOYMENT_FAILED (quota exceeded)}. */
  public String describeState() {
    return failureReason.isBlank() ? state : state + " (" + failureReason + ")";
  }
}
