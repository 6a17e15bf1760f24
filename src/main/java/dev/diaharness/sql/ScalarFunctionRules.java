package dev.diaharness.sql;

import static dev.diaharness.sql.FunctionRule.requireArgs;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.Expression;

/**
 * Translation rules for BigQuery's NULL-safe, conditional, math and aggregate functions that DuckDB spells or
 * behaves differently. BigQuery raises an error where DuckDB returns NULL or infinity (division by zero), so those
 * rules raise it too, with DuckDB's {@code error()}. Stateless and thread-safe.
 */
final class ScalarFunctionRules {
  /**
   * Functions DuckDB has under another name with the same arguments and meaning. Applied by renaming the call, so
   * DISTINCT, ORDER BY and OVER clauses survive.
   */
  static final Map<String, String> RENAMES =
      Map.of(
          "IFNULL", "coalesce",
          "REGEXP_CONTAINS", "regexp_matches",
          "LOGICAL_AND", "bool_and",
          "LOGICAL_OR", "bool_or",
          "CHAR_LENGTH", "length",
          "CHARACTER_LENGTH", "length",
          "BYTE_LENGTH", "strlen",
          "EDIT_DISTANCE", "levenshtein",
          "IS_NAN", "isnan",
          "IS_INF", "isinf");

  private ScalarFunctionRules() {}

  static Map<String, FunctionRule> rules() {
    return Map.ofEntries(
        Map.entry("SAFE_DIVIDE", ScalarFunctionRules::safeDivide),
        Map.entry("IEEE_DIVIDE", ScalarFunctionRules::ieeeDivide),
        Map.entry("COUNTIF", ScalarFunctionRules::countIf),
        Map.entry("IF", ScalarFunctionRules::ifFunction),
        Map.entry("LOG", ScalarFunctionRules::log),
        Map.entry("DIV", ScalarFunctionRules::div),
        Map.entry("MOD", ScalarFunctionRules::mod),
        Map.entry("ROUND", ScalarFunctionRules::round),
        Map.entry("GREATEST", (n, a, r) -> nullIfAnyNull(n, a, r, "greatest")),
        Map.entry("LEAST", (n, a, r) -> nullIfAnyNull(n, a, r, "least")),
        Map.entry("APPROX_COUNT_DISTINCT", ScalarFunctionRules::approxCountDistinct),
        Map.entry("POW", ScalarFunctionRules::pow),
        Map.entry("POWER", ScalarFunctionRules::pow));
  }

  /**
   * The divisor, or BigQuery's "division by zero" error when it is 0. NULL stays NULL (the division is then NULL).
   *
   * @param divisor DuckDB text of the divisor
   */
  static String nonZero(String divisor) {
    return "(CASE WHEN (" + divisor + ") = 0 THEN error('division by zero') ELSE (" + divisor + ") END)";
  }

  /** SAFE_DIVIDE(a, b): NULL instead of an error when b is 0; BigQuery's {@code /} is float division, as DuckDB's. */
  private static String safeDivide(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 2, 2);
    String a = out.render(args.get(0));
    String b = out.render(args.get(1));
    return "CASE WHEN (" + b + ") = 0 OR (" + b + ") IS NULL THEN NULL ELSE (" + a + ") / (" + b + ") END";
  }

  /** IEEE_DIVIDE(a, b): float division, ±inf for x/0 and NaN for 0/0, as DuckDB's DOUBLE division. */
  private static String ieeeDivide(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 2, 2);
    return "(CAST(" + out.render(args.get(0)) + " AS DOUBLE) / CAST(" + out.render(args.get(1)) + " AS DOUBLE))";
  }

  /** COUNTIF(c) counts rows where c is TRUE and gives 0 (not NULL) on no rows, like COUNT. */
  private static String countIf(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 1, 1);
    return "count(CASE WHEN (" + out.render(args.get(0)) + ") THEN 1 END)";
  }

  private static String ifFunction(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 3, 3);
    return "CASE WHEN (" + out.render(args.get(0)) + ") THEN (" + out.render(args.get(1)) + ") ELSE ("
        + out.render(args.get(2)) + ") END";
  }

  /** BigQuery LOG(x) is the natural log and LOG(x, base) takes the base second; DuckDB's log(x) is base 10. */
  private static String log(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 1, 2);
    String x = "ln(" + out.render(args.get(0)) + ")";
    return args.size() == 1 ? x : "(" + x + " / ln(" + out.render(args.get(1)) + "))";
  }

  /**
   * DIV(a, b): integer division truncating toward zero, an error when b is 0. DuckDB's {@code //} does that on
   * integers, but JSqlParser (the sandbox guard) cannot parse it.
   */
  private static String div(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 2, 2);
    return "CAST(trunc((" + out.render(args.get(0)) + ") / " + nonZero(out.render(args.get(1))) + ") AS BIGINT)";
  }

  /** MOD(a, b): the sign of a, as DuckDB's mod; an error when b is 0 (DuckDB returns NULL). */
  private static String mod(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 2, 2);
    return "mod(" + out.render(args.get(0)) + ", " + nonZero(out.render(args.get(1))) + ")";
  }

  /** ROUND(x[, n]) rounds halves away from zero in both; a rounding-mode argument is not translated. */
  private static String round(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 1, 2);
    return "round(" + args.stream().map(out::render).collect(Collectors.joining(", ")) + ")";
  }

  /** POW(x, y) fails on a negative x with a fractional y and on 0 to a negative power; DuckDB gives NaN / inf. */
  private static String pow(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 2, 2);
    String x = out.render(args.get(0));
    String y = out.render(args.get(1));
    return "(CASE WHEN ((" + x + ") < 0 AND (" + y + ") <> trunc(" + y + ")) OR ((" + x + ") = 0 AND (" + y
        + ") < 0) THEN error('Floating point error in function: " + name + "') ELSE power(" + x + ", " + y
        + ") END)";
  }

  /** GREATEST/LEAST are NULL when any argument is NULL in BigQuery; DuckDB's skip NULLs. */
  private static String nullIfAnyNull(
      String name, List<Expression> args, FunctionRule.ExpressionRenderer out, String duckDbName) {
    requireArgs(name, args, 1, 1_000);
    List<String> rendered = args.stream().map(out::render).collect(Collectors.toList());
    String anyNull = rendered.stream().map(a -> "(" + a + ") IS NULL").collect(Collectors.joining(" OR "));
    return "CASE WHEN " + anyNull + " THEN NULL ELSE " + duckDbName + "(" + String.join(", ", rendered) + ") END";
  }

  /**
   * APPROX_COUNT_DISTINCT(x) → the exact COUNT(DISTINCT x). BigQuery's HyperLogLog++ estimate may differ from it on
   * large inputs; an answer using it is compared as if it had asked for the exact count.
   */
  private static String approxCountDistinct(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 1, 1);
    return "count(DISTINCT " + out.render(args.get(0)) + ")";
  }
}
