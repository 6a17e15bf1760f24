package dev.diaharness.core;

/** A capability that a later issue builds; the CLI says so in one line and exits 2 instead of faking output. */
public final class NotBuiltYetException extends RuntimeException {
  public NotBuiltYetException(String capability) {
    super(capability + " is not built yet");
  }
}
