package dev.diaharness.sql;

import static dev.diaharness.sql.FunctionRule.requireArgs;

import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;

/**
 * Translation rules for BigQuery's NULL-safe, conditional, math and aggregate functions that DuckDB spells or
 * behaves differently. Stateless and thread-safe.
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
          "EDIT_DISTANCE", "levenshtein");

  private ScalarFunctionRules() {}

  static Map<String, FunctionRule> rules() {
    return Map.of(
        "SAFE_DIVIDE", ScalarFunctionRules::safeDivide,
        "COUNTIF", ScalarFunctionRules::countIf,
        "IF", ScalarFunctionRules::ifFunction,
        "LOG", ScalarFunctionRules::log,
        "DIV", ScalarFunctionRules::div);
  }

  /** SAFE_DIVIDE(a, b): NULL instead of an error when b is 0; BigQuery's {@code /} is float division, as DuckDB's. */
  private static String safeDivide(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 2, 2);
    String a = out.render(args.get(0));
    String b = out.render(args.get(1));
    return "CASE WHEN (" + b + ") = 0 OR (" + b + ") IS NULL THEN NULL ELSE (" + a + ") / (" + b + ") END";
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
   * DIV(a, b): integer division truncating toward zero. DuckDB's {@code //} does that on integers, but JSqlParser (the
   * sandbox guard) cannot parse it.
   */
  private static String div(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 2, 2);
    return "CAST(trunc((" + out.render(args.get(0)) + ") / (" + out.render(args.get(1)) + ")) AS BIGINT)";
  }
}
