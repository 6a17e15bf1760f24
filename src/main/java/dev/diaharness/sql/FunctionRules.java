package dev.diaharness.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The table of BigQuery function translations, one family per class, and the functions that are refused with a
 * name. Immutable and thread-safe.
 */
final class FunctionRules {
  private static final Map<String, FunctionRule> RULES = collect();

  /** Functions with no faithful DuckDB rendering here (arrays, JSON, approximate aggregates, generators). */
  private static final Set<String> UNSUPPORTED =
      Set.of(
          "GENERATE_DATE_ARRAY", "GENERATE_ARRAY", "GENERATE_TIMESTAMP_ARRAY", "UNNEST", "ARRAY", "ARRAY_LENGTH",
          "ARRAY_CONCAT", "ARRAY_TO_STRING", "ARRAY_REVERSE", "APPROX_QUANTILES", "APPROX_TOP_COUNT",
          "APPROX_TOP_SUM", "JSON_EXTRACT", "JSON_EXTRACT_SCALAR", "JSON_VALUE", "JSON_QUERY", "JSON_EXTRACT_ARRAY",
          "TO_JSON_STRING", "TO_JSON", "PARSE_JSON", "STRUCT", "VECTOR_SEARCH", "ML", "EXTERNAL_QUERY",
          "SESSION_USER", "FARM_FINGERPRINT", "FORMAT");

  /** Name prefixes of whole BigQuery-only function families. */
  private static final List<String> UNSUPPORTED_PREFIXES =
      List.of("ML.", "NET.", "AI.", "ST_", "AEAD.", "KEYS.", "HLL_COUNT.", "KLL_QUANTILES.", "SAFE.");

  private FunctionRules() {}

  private static Map<String, FunctionRule> collect() {
    Map<String, FunctionRule> all = new HashMap<>(DateFunctionRules.rules());
    all.putAll(ScalarFunctionRules.rules());
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

  /** @throws UnsupportedConstructException when the function is one this translator refuses */
  static void checkSupported(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (UNSUPPORTED.contains(upper) || UNSUPPORTED_PREFIXES.stream().anyMatch(upper::startsWith)) {
      throw new UnsupportedConstructException(upper, upper + " has no DuckDB translation here");
    }
  }
}
