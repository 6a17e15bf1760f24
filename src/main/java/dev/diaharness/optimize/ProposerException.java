package dev.diaharness.optimize;

/** A proposer failed (its model down, an unusable reply after retries). Ends the run cleanly. */
public final class ProposerException extends RuntimeException {
  public ProposerException(String message, Throwable cause) {
    super(message, cause);
  }
}
