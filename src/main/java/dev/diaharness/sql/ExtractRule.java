package dev.diaharness.sql;

import java.util.Locale;
import java.util.Map;

/**
 * Translates {@code EXTRACT(part FROM x)}. BigQuery numbers DAYOFWEEK 1 (Sunday) to 7 and counts WEEK from the first
 * Sunday (week 0 before it); DuckDB's dayofweek is 0-based and its week is the ISO week. Stateless and thread-safe.
 */
final class ExtractRule {
  /** BigQuery part → DuckDB template, {@code %s} = the translated argument. */
  private static final Map<String, String> PARTS =
      Map.ofEntries(
          Map.entry("DAYOFWEEK", "(dayofweek(%s) + 1)"),
          Map.entry("DAYOFYEAR", "dayofyear(%s)"),
          Map.entry("WEEK", "CAST(strftime(%s, '%%U') AS BIGINT)"),
          Map.entry("WEEK(SUNDAY)", "CAST(strftime(%s, '%%U') AS BIGINT)"),
          Map.entry("WEEK(MONDAY)", "CAST(strftime(%s, '%%W') AS BIGINT)"),
          Map.entry("ISOWEEK", "week(%s)"),
          Map.entry("ISOYEAR", "isoyear(%s)"),
          Map.entry("YEAR", "year(%s)"),
          Map.entry("QUARTER", "quarter(%s)"),
          Map.entry("MONTH", "month(%s)"),
          Map.entry("DAY", "day(%s)"),
          Map.entry("HOUR", "hour(%s)"),
          Map.entry("MINUTE", "minute(%s)"),
          Map.entry("SECOND", "second(%s)"),
          Map.entry("MILLISECOND", "millisecond(%s)"),
          Map.entry("MICROSECOND", "microsecond(%s)"),
          Map.entry("DATE", "CAST(%s AS DATE)"),
          Map.entry("TIME", "CAST(%s AS TIME)"),
          Map.entry("DATETIME", "CAST(%s AS TIMESTAMP)"));

  private ExtractRule() {}

  /** @throws UnsupportedConstructException for a part not in the table */
  static String render(String part, String argument) {
    String key = part.toUpperCase(Locale.ROOT).replace(" ", "");
    String template = PARTS.get(key);
    if (template == null) {
      throw new UnsupportedConstructException(
          "EXTRACT(" + key + ")", "EXTRACT of " + key + " is not translated");
    }
    return String.format(Locale.ROOT, template, argument);
  }
}
