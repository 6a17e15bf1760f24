package dev.diaharness.sql;

import static dev.diaharness.sql.FunctionRule.requireArgs;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;

/**
 * Translation rules for BigQuery's string functions whose DuckDB namesakes differ: NULL handling (CONCAT), positions
 * (SUBSTR), all-or-first matches (REGEXP_REPLACE), no-match results (REGEXP_EXTRACT) and defaults (LPAD). Stateless
 * and thread-safe.
 */
final class StringFunctionRules {
  private StringFunctionRules() {}

  static Map<String, FunctionRule> rules() {
    return Map.of(
        "CONCAT", StringFunctionRules::concat,
        "SUBSTR", StringFunctionRules::substr,
        "SUBSTRING", StringFunctionRules::substr,
        "REGEXP_REPLACE", StringFunctionRules::regexpReplace,
        "REGEXP_EXTRACT", StringFunctionRules::regexpExtract,
        "REGEXP_SUBSTR", StringFunctionRules::regexpExtract,
        "LPAD", (n, a, r) -> pad(n, a, r, "lpad"),
        "RPAD", (n, a, r) -> pad(n, a, r, "rpad"),
        "INSTR", StringFunctionRules::instr);
  }

  /** CONCAT is NULL when any argument is NULL in BigQuery; DuckDB's concat skips NULLs, its {@code ||} does not. */
  private static String concat(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 1, 1_000);
    return "(" + args.stream().map(a -> "(" + out.render(a) + ")").collect(Collectors.joining(" || ")) + ")";
  }

  /**
   * SUBSTR(s, pos[, len]): BigQuery reads position 0 as 1 and a negative position past the start as 1, and fails on
   * a negative length; DuckDB starts before the string for both positions and counts a negative length backwards.
   */
  private static String substr(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 2, 3);
    String s = out.render(args.get(0));
    String position = position(args.get(1), s, out);
    if (args.size() == 2) {
      return "substr(" + s + ", " + position + ")";
    }
    String length = out.render(args.get(2));
    return "substr(" + s + ", " + position + ", (CASE WHEN (" + length + ") < 0 THEN error('" + name
        + ": length must be non-negative') ELSE (" + length + ") END))";
  }

  private static String position(Expression arg, String s, FunctionRule.ExpressionRenderer out) {
    if (arg instanceof LongValue literal && literal.getValue() > 0) {
      return literal.getStringValue();
    }
    String p = out.render(arg);
    return "(CASE WHEN (" + p + ") = 0 OR -(" + p + ") > length(" + s + ") THEN 1 ELSE (" + p + ") END)";
  }

  /** REGEXP_REPLACE replaces every match in BigQuery; DuckDB's only the first unless given the 'g' option. */
  private static String regexpReplace(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 3, 3);
    return "regexp_replace(" + out.render(args.get(0)) + ", " + out.render(args.get(1)) + ", "
        + out.render(args.get(2)) + ", 'g')";
  }

  /**
   * REGEXP_EXTRACT(s, re): the capture group if the pattern has one (the whole match if not), NULL when nothing
   * matches; DuckDB returns '' then. The pattern must be a literal, as the group count decides the rendering.
   */
  private static String regexpExtract(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 2, 2);
    if (!(args.get(1) instanceof StringValue pattern)) {
      throw new UnsupportedConstructException(name, name + " with a pattern that is not a literal is not translated");
    }
    String prefix = pattern.getPrefix() == null ? "" : pattern.getPrefix().toUpperCase(java.util.Locale.ROOT);
    int groups = captureGroups(prefix.contains("R") ? pattern.getValue() : BigQueryStrings.unescape(pattern.getValue()));
    if (groups > 1) {
      return "error('" + name + ": the regular expression may contain at most one capturing group')";
    }
    String s = out.render(args.get(0));
    String re = out.render(pattern);
    return "(CASE WHEN regexp_matches(" + s + ", " + re + ") THEN regexp_extract(" + s + ", " + re + ", " + groups
        + ") END)";
  }

  /** Capturing groups of an RE2 pattern: '(' not escaped, not in a class and not followed by '?'. */
  static int captureGroups(String pattern) {
    int groups = 0;
    boolean inClass = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(' && (i + 1 >= pattern.length() || pattern.charAt(i + 1) != '?')) {
        groups++;
      }
    }
    return groups;
  }

  /** LPAD/RPAD(s, n[, pattern]): BigQuery pads with a space by default; DuckDB needs the pattern. Both truncate. */
  private static String pad(String name, List<Expression> args, FunctionRule.ExpressionRenderer out, String duck) {
    requireArgs(name, args, 2, 3);
    String pattern = args.size() == 3 ? out.render(args.get(2)) : "' '";
    return duck + "(" + out.render(args.get(0)) + ", " + out.render(args.get(1)) + ", " + pattern + ")";
  }

  /** INSTR(s, sub) is STRPOS; the position and occurrence arguments are not translated. */
  private static String instr(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 2, 2);
    return "strpos(" + out.render(args.get(0)) + ", " + out.render(args.get(1)) + ")";
  }
}
