package dev.diaharness.sql;

/** A database variant could not be built (the base database could not be read or copied). Not a user error. */
public final class DatabaseVariantsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseVariantsException(String message, Throwable cause) {
    super(message, cause);
  }
}
