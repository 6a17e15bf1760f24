package dev.diaharness.agent.gemini;

import java.util.Locale;

/** When to ask the agent, in the same session, for the SQL of its previous answer ({@code --sql-followup}). */
public enum SqlFollowup {
  /** always (default; the Python tool's parallel path): the follow-up's SQL replaces the first answer's */
  ALWAYS,
  /** only when the first answer held no SQL (the Python Excel script's behaviour; saves a call) */
  IF_MISSING,
  /** never: the SQL comes from the first answer alone */
  NEVER;

  /** The question asked, verbatim from the Python tool. */
  public static final String QUESTION = "what was the sql query used for the previous answer?";

  /** Parses the flag value: {@code always}, {@code if-missing} or {@code never} (any case, {@code _} accepted). */
  public static SqlFollowup parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--sql-followup must be always, if-missing or never, got '" + value + "'");
    }
  }
}
