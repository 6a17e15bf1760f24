package dev.diaharness.optimize;

/** A config could not be put on the agent, or the agent does not hold it afterwards. Ends the run cleanly. */
public final class DeploymentException extends RuntimeException {
  public DeploymentException(String message, Throwable cause) {
    super(message, cause);
  }
}
