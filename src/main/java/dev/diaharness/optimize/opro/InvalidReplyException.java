package dev.diaharness.optimize.opro;

/** A model reply that does not follow the requested JSON shape; the message says what is wrong, for the retry. */
final class InvalidReplyException extends Exception {
  InvalidReplyException(String message) {
    super(message);
  }
}
