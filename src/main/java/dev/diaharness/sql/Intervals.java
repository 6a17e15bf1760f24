package dev.diaharness.sql;

import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;

/**
 * Renders a BigQuery {@code INTERVAL n unit} as a DuckDB interval. The count may be any integer expression, which
 * DuckDB's {@code INTERVAL (expr) unit} literal does not take, so it goes through {@code to_days}/{@code to_months}.
 * Stateless and thread-safe.
 */
final class Intervals {
  /** BigQuery unit → (DuckDB constructor, multiplier). */
  private static final Map<String, String[]> UNITS =
      Map.of(
          "DAY", new String[] {"to_days", "1"},
          "WEEK", new String[] {"to_days", "7"},
          "MONTH", new String[] {"to_months", "1"},
          "QUARTER", new String[] {"to_months", "3"},
          "YEAR", new String[] {"to_years", "1"},
          "HOUR", new String[] {"to_hours", "1"},
          "MINUTE", new String[] {"to_minutes", "1"},
          "SECOND", new String[] {"to_seconds", "1"});

  private Intervals() {}

  static String render(String function, IntervalExpression interval, FunctionRule.ExpressionRenderer out) {
    // JSqlParser reads "INTERVAL n MONTH" (a column count) as an interval wrapping the interval "n MONTH"
    if (interval.getIntervalType() == null && interval.getExpression() instanceof IntervalExpression) {
      return render(function, (IntervalExpression) interval.getExpression(), out);
    }
    String unit = interval.getIntervalType() == null ? "" : interval.getIntervalType().toUpperCase(Locale.ROOT);
    String[] constructor = UNITS.get(unit);
    if (constructor == null) {
      throw new UnsupportedConstructException(
          "INTERVAL " + unit, function + ": interval unit '" + unit + "' is not translated");
    }
    String count = count(function, interval, out);
    String scaled = constructor[1].equals("1") ? count : constructor[1] + " * " + count;
    // to_seconds takes a DOUBLE, the others an INTEGER
    String type = constructor[0].equals("to_seconds") ? "DOUBLE" : "INTEGER";
    return constructor[0] + "(CAST(" + scaled + " AS " + type + "))";
  }

  private static String count(String function, IntervalExpression interval, FunctionRule.ExpressionRenderer out) {
    Expression expression = interval.getExpression();
    // ... and "INTERVAL (n + 1) DAY" as a function named INTERVAL around the count
    if (expression instanceof Function
        && "INTERVAL".equalsIgnoreCase(((Function) expression).getName())
        && ((Function) expression).getParameters() != null
        && ((Function) expression).getParameters().size() == 1) {
      expression = ((Function) expression).getParameters().get(0);
    }
    if (expression != null) {
      return "(" + out.render(expression) + ")";
    }
    String parameter = interval.getParameter() == null ? "" : interval.getParameter().strip();
    if (parameter.length() >= 2 && parameter.startsWith("'") && parameter.endsWith("'")) {
      parameter = parameter.substring(1, parameter.length() - 1).strip();
    }
    if (!parameter.matches("[-+]?\\d+")) {
      throw new UnsupportedConstructException("INTERVAL", function + ": interval count '" + parameter
          + "' is not an integer");
    }
    return "(" + parameter + ")";
  }
}
