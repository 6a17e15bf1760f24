package dev.diaharness.run;

import java.util.Locale;

/** Which set a question comes from. The test split is never shown to an optimizer or used to pick a config. */
public enum Split {
  TRAIN,
  TEST;

  /** "train" / "test", as in file names and JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
