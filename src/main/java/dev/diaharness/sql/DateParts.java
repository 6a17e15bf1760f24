package dev.diaharness.sql;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Column;

/**
 * Reading BigQuery date-part arguments ({@code MONTH}, {@code WEEK(MONDAY)}, {@code ISOWEEK}) and the DuckDB
 * expressions that depend on BigQuery's week definitions. Stateless and thread-safe.
 */
final class DateParts {
  /** BigQuery weekday names → DuckDB {@code dayofweek} numbers (Sunday = 0). */
  private static final Map<String, Integer> WEEKDAYS =
      Map.of("SUNDAY", 0, "MONDAY", 1, "TUESDAY", 2, "WEDNESDAY", 3, "THURSDAY", 4, "FRIDAY", 5, "SATURDAY", 6);

  private DateParts() {}

  /** The part named by a date-part argument, upper-cased: {@code MONTH}, {@code WEEK(MONDAY)}. */
  static String name(String function, Expression part) {
    if (part instanceof Column) {
      return unquote(((Column) part).getColumnName()).toUpperCase(Locale.ROOT);
    }
    if (part instanceof Function) {
      Function f = (Function) part;
      List<Expression> args = f.getParameters() == null ? List.of() : List.copyOf(f.getParameters());
      if (args.size() == 1 && args.get(0) instanceof Column) {
        return f.getName().toUpperCase(Locale.ROOT) + "(" + name(function, args.get(0)) + ")";
      }
    }
    throw new UnsupportedConstructException(function, function + ": date part '" + part + "' is not understood");
  }

  /**
   * The day a week starts on for a BigQuery week part: {@code WEEK} starts on Sunday, {@code WEEK(<WEEKDAY>)} on that
   * day, {@code ISOWEEK} on Monday. Empty for parts that are not weeks.
   */
  static java.util.OptionalInt weekStart(String part) {
    if (part.equals("WEEK")) {
      return java.util.OptionalInt.of(0);
    }
    if (part.equals("ISOWEEK")) {
      return java.util.OptionalInt.of(1);
    }
    if (part.startsWith("WEEK(") && part.endsWith(")")) {
      Integer day = WEEKDAYS.get(part.substring(5, part.length() - 1));
      if (day != null) {
        return java.util.OptionalInt.of(day);
      }
    }
    return java.util.OptionalInt.empty();
  }

  /**
   * DuckDB text for the first day of the week holding {@code date}, weeks starting on {@code startDay} (0 = Sunday).
   * DuckDB's own {@code date_trunc('week')} always starts on Monday.
   */
  static String truncateToWeek(String date, int startDay) {
    return "CAST(" + date + " - to_days(CAST((dayofweek(" + date + ") - " + startDay + " + 7) % 7 AS INTEGER))"
        + " AS DATE)";
  }

  /**
   * A date argument: BigQuery coerces a string literal to DATE where a DATE is expected, DuckDB cannot choose an
   * overload for it, so the literal becomes a DATE literal.
   */
  static String dateArg(Expression arg, FunctionRule.ExpressionRenderer out) {
    if (arg instanceof StringValue) {
      return "CAST(" + out.render(arg) + " AS DATE)";
    }
    return out.render(arg);
  }

  /** A timestamp argument, string literals made TIMESTAMP for the same reason as {@link #dateArg}. */
  static String timestampArg(Expression arg, FunctionRule.ExpressionRenderer out) {
    if (arg instanceof StringValue) {
      return "CAST(" + out.render(arg) + " AS TIMESTAMP)";
    }
    return out.render(arg);
  }

  static String unquote(String identifier) {
    if (identifier.length() >= 2) {
      char first = identifier.charAt(0);
      char last = identifier.charAt(identifier.length() - 1);
      if ((first == '`' && last == '`') || (first == '"' && last == '"')) {
        return identifier.substring(1, identifier.length() - 1);
      }
    }
    return identifier;
  }
}
