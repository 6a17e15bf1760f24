package dev.diaharness.sql;

/** Thrown inside the translator when a construct has no DuckDB rendering; becomes {@link Translation.Unsupported}. */
final class UnsupportedConstructException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String construct;

  UnsupportedConstructException(String construct, String reason) {
    super(reason, null, false, false);
    this.construct = construct;
  }

  String construct() {
    return construct;
  }
}
