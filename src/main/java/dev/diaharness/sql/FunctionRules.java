package dev.diaharness.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The table of BigQuery function translations, one family per class, and the allow-list of functions DuckDB has with
 * BigQuery's meaning. A function in neither is refused with its name ({@link UnsupportedConstructException}): it
 * never runs with DuckDB's meaning. docs/bigquery-semantics.md has one row per function. Immutable and thread-safe.
 */
final class FunctionRules {
  private static final Map<String, FunctionRule> RULES = collect();

  /**
   * Functions DuckDB has under the same name with BigQuery's result for BigQuery's argument types, NULLs included
   * (each is a row of docs/bigquery-semantics.md, checked by BigQuerySemanticsTest).
   */
  static final Set<String> SAME_IN_DUCKDB =
      Set.of(
          // aggregates
          "COUNT", "SUM", "AVG", "MIN", "MAX", "ANY_VALUE", "STRING_AGG", "BIT_AND", "BIT_OR", "BIT_XOR", "STDDEV",
          "STDDEV_SAMP", "STDDEV_POP", "VARIANCE", "VAR_SAMP", "VAR_POP", "CORR", "COVAR_POP", "COVAR_SAMP",
          // window functions
          "ROW_NUMBER", "RANK", "DENSE_RANK", "PERCENT_RANK", "CUME_DIST", "NTILE", "LAG", "LEAD", "FIRST_VALUE",
          "LAST_VALUE", "NTH_VALUE",
          // conditional
          "COALESCE", "NULLIF",
          // math
          "ABS", "SIGN", "SQRT", "EXP", "LN", "LOG10", "CEIL", "CEILING", "FLOOR", "TRUNC", "SIN",
          "COS", "TAN", "ASIN", "ACOS", "ATAN", "ATAN2",
          // strings
          "LENGTH", "LOWER", "UPPER", "TRIM", "LTRIM", "RTRIM", "REPLACE", "REVERSE", "STARTS_WITH", "ENDS_WITH",
          "STRPOS", "REPEAT", "LEFT", "RIGHT");

  /** Functions refused with a specific reason (the others not in any list get a general one). */
  private static final Map<String, String> REFUSED =
      Map.ofEntries(
          Map.entry("ARRAY_AGG", "ARRAY_AGG fails on a NULL element in BigQuery and includes it in DuckDB"),
          Map.entry("APPROX_QUANTILES", "approximate quantiles differ from any exact DuckDB result"),
          Map.entry("APPROX_TOP_COUNT", "approximate top counts differ from any exact DuckDB result"),
          Map.entry("APPROX_TOP_SUM", "approximate top sums differ from any exact DuckDB result"),
          Map.entry("RAND", "RAND is random: its results cannot be compared"),
          Map.entry("GENERATE_UUID", "GENERATE_UUID is random: its results cannot be compared"),
          Map.entry("FORMAT", "BigQuery's FORMAT specifiers differ from DuckDB's format/printf"),
          Map.entry("INITCAP", "DuckDB has no INITCAP with BigQuery's word delimiters"),
          Map.entry("SPLIT", "SPLIT returns an ARRAY, which is not translated"),
          Map.entry("FARM_FINGERPRINT", "DuckDB has no FarmHash"));

  /** Name prefixes of whole BigQuery-only function families. */
  private static final List<String> UNSUPPORTED_PREFIXES =
      List.of("ML.", "NET.", "AI.", "ST_", "AEAD.", "KEYS.", "HLL_COUNT.", "KLL_QUANTILES.", "SAFE.");

  private FunctionRules() {}

  private static Map<String, FunctionRule> collect() {
    Map<String, FunctionRule> all = new HashMap<>(DateFunctionRules.rules());
    all.putAll(ScalarFunctionRules.rules());
    all.putAll(StringFunctionRules.rules());
    return Map.copyOf(all);
  }

  /** The rule for a function (name in any case), if it needs more than a plain call. */
  static Optional<FunctionRule> find(String name) {
    return Optional.ofNullable(RULES.get(name.toUpperCase(Locale.ROOT)));
  }

  /** DuckDB's name for a function it has under another name, if any. */
  static Optional<String> rename(String name) {
    return Optional.ofNullable(ScalarFunctionRules.RENAMES.get(name.toUpperCase(Locale.ROOT)));
  }

  /** Every function name the translator accepts: with a rule, a rename, or the same meaning in DuckDB. */
  static Set<String> accepted() {
    Set<String> all = new java.util.TreeSet<>(RULES.keySet());
    all.addAll(ScalarFunctionRules.RENAMES.keySet());
    all.addAll(SAME_IN_DUCKDB);
    return all;
  }

  /**
   * @throws UnsupportedConstructException unless the function has a rule, a rename or the same meaning in DuckDB. A
   *     function that reads files or the environment is let through untranslated, so that the sandbox guard refuses
   *     it (a PRED_ERROR, never an "unsupported" answer handed to the judge).
   */
  static void checkSupported(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (ReadOnlyGuard.forbiddenFunction(name)) {
      return;
    }
    if (REFUSED.containsKey(upper)) {
      throw new UnsupportedConstructException(upper, upper + " is not translated: " + REFUSED.get(upper));
    }
    if (UNSUPPORTED_PREFIXES.stream().anyMatch(upper::startsWith)) {
      throw new UnsupportedConstructException(upper, upper + " has no DuckDB translation here");
    }
    if (!RULES.containsKey(upper) && !ScalarFunctionRules.RENAMES.containsKey(upper)
        && !SAME_IN_DUCKDB.contains(upper)) {
      throw new UnsupportedConstructException(upper, upper + " is not translated: no DuckDB function is known to"
          + " mean the same");
    }
  }
}
