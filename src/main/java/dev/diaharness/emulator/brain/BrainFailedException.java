package dev.diaharness.emulator.brain;

/** A brain could not produce an answer (its model endpoint failed); the emulator reports a FAILED answer. */
public class BrainFailedException extends RuntimeException {
  public BrainFailedException(String message) {
    super(message);
  }

  public BrainFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
