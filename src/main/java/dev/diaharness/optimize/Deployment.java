package dev.diaharness.optimize;

import java.util.Objects;

/**
 * How the evaluated config reached the agent. This record is immutable.
 *
 * @param success whether the config was deployed and verified
 * @param message what happened, one line
 */
public record Deployment(boolean success, String message) {
  /** The loop evaluates a config only after deploying and verifying it. */
  public static final Deployment VERIFIED = new Deployment(true, "deployed and verified");

  public Deployment {
    Objects.requireNonNull(message, "deployment_message");
  }
}
