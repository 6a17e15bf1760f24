package dev.diaharness.core;

import java.nio.file.Path;

/**
 * Bad input from the user: a file, row or field that is missing or wrong. The CLI turns it into one line and
 * exit code 2. The message always names where the problem is, and never holds a credential.
 */
public class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A problem in a whole file: {@code "<file>: <what>"}. */
  public static InputException inFile(Path file, String what) {
    return new InputException(file + ": " + what);
  }

  /** A problem in one row of a file (1-based data row): {@code "<file> row <n>: <what>"}. */
  public static InputException inRow(Path file, int row, String what) {
    return new InputException(file + " row " + row + ": " + what);
  }

  /** A problem in one field of a file: {@code "<file> field '<field>': <what>"}. */
  public static InputException inField(Path file, String field, String what) {
    return new InputException(file + " field '" + field + "': " + what);
  }
}
