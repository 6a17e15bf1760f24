package dev.diaharness.sql;

import static dev.diaharness.sql.DateParts.dateArg;
import static dev.diaharness.sql.DateParts.timestampArg;
import static dev.diaharness.sql.FunctionRule.requireArgs;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.IntervalExpression;

/**
 * Translation rules for BigQuery's date and time functions. DuckDB's versions take the part first, as a string, count
 * weeks from Monday and return TIMESTAMP where BigQuery returns DATE; each rule here restores BigQuery's result.
 * Stateless and thread-safe.
 */
final class DateFunctionRules {
  private static final Set<String> TRUNC_PARTS = Set.of("DAY", "MONTH", "QUARTER", "YEAR", "ISOYEAR");
  private static final Set<String> DIFF_PARTS = Set.of("DAY", "MONTH", "QUARTER", "YEAR");
  private static final Set<String> TIME_PARTS =
      Set.of("MICROSECOND", "MILLISECOND", "SECOND", "MINUTE", "HOUR", "DAY", "MONTH", "QUARTER", "YEAR", "ISOYEAR");

  private DateFunctionRules() {}

  static Map<String, FunctionRule> rules() {
    return Map.ofEntries(
        Map.entry("DATE_TRUNC", DateFunctionRules::dateTrunc),
        Map.entry("DATETIME_TRUNC", DateFunctionRules::timestampTrunc),
        Map.entry("TIMESTAMP_TRUNC", DateFunctionRules::timestampTrunc),
        Map.entry("DATE_DIFF", DateFunctionRules::dateDiff),
        Map.entry("DATETIME_DIFF", DateFunctionRules::dateDiff),
        Map.entry("TIMESTAMP_DIFF", DateFunctionRules::timestampDiff),
        Map.entry("DATE_ADD", (n, a, r) -> shiftDate(n, a, r, "+")),
        Map.entry("DATE_SUB", (n, a, r) -> shiftDate(n, a, r, "-")),
        Map.entry("FORMAT_DATE", DateFunctionRules::format),
        Map.entry("FORMAT_DATETIME", DateFunctionRules::format),
        Map.entry("FORMAT_TIMESTAMP", DateFunctionRules::format),
        Map.entry("PARSE_DATE", (n, a, r) -> "CAST(" + parse(n, a, r) + " AS DATE)"),
        Map.entry("PARSE_DATETIME", DateFunctionRules::parse),
        Map.entry("PARSE_TIMESTAMP", DateFunctionRules::parse),
        Map.entry("DATE", DateFunctionRules::date),
        Map.entry("LAST_DAY", DateFunctionRules::lastDay),
        Map.entry("UNIX_DATE", (n, a, r) -> unixDate(n, a, r)),
        Map.entry("DATE_FROM_UNIX_DATE", DateFunctionRules::dateFromUnixDate),
        Map.entry("TIMESTAMP", DateFunctionRules::timestamp),
        Map.entry("DATETIME", DateFunctionRules::datetime),
        Map.entry("TIMESTAMP_ADD", (n, a, r) -> shiftTimestamp(n, a, r, "+")),
        Map.entry("TIMESTAMP_SUB", (n, a, r) -> shiftTimestamp(n, a, r, "-")),
        Map.entry("DATETIME_ADD", (n, a, r) -> shiftTimestamp(n, a, r, "+")),
        Map.entry("DATETIME_SUB", (n, a, r) -> shiftTimestamp(n, a, r, "-")));
  }

  /** DATE_TRUNC(d, part) → a DATE; weeks start on Sunday (or the named day), not on DuckDB's Monday. */
  private static String dateTrunc(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 2, 2);
    return truncate(name, dateArg(args.get(0), out), args.get(1), TRUNC_PARTS, "DATE");
  }

  /** TIMESTAMP_TRUNC / DATETIME_TRUNC → a TIMESTAMP (DuckDB returns DATE for parts of a day or more). */
  private static String timestampTrunc(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 2, 2);
    return truncate(name, timestampArg(args.get(0), out), args.get(1), TIME_PARTS, "TIMESTAMP");
  }

  /** {@code value} truncated to {@code part} as a {@code type}; a week part goes through its week-start date. */
  private static String truncate(String name, String value, Expression partArg, Set<String> parts, String type) {
    String part = DateParts.name(name, partArg);
    OptionalInt weekStart = DateParts.weekStart(part);
    if (weekStart.isPresent()) {
      String week = DateParts.truncateToWeek(value, weekStart.getAsInt());
      return type.equals("DATE") ? week : "CAST(" + week + " AS " + type + ")"; // the week start is a DATE already
    }
    if (!parts.contains(part)) {
      throw unsupportedPart(name, part);
    }
    return "CAST(date_trunc('" + part.toLowerCase(Locale.ROOT) + "', " + value + ") AS " + type + ")";
  }

  /**
   * DATE_DIFF(a, b, part) = a − b counted in part boundaries crossed. DuckDB's date_diff takes (part, start, end) —
   * the opposite order — and counts weeks as 7-day spans, so weeks go through the week-start dates.
   */
  private static String dateDiff(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 3, 3);
    String end = dateArg(args.get(0), out);
    String start = dateArg(args.get(1), out);
    String part = DateParts.name(name, args.get(2));
    OptionalInt weekStart = DateParts.weekStart(part);
    if (weekStart.isPresent()) {
      int day = weekStart.getAsInt();
      // an exact multiple of 7; DuckDB's // would say the same, but JSqlParser (the sandbox guard) cannot parse it
      return "CAST(date_diff('day', " + DateParts.truncateToWeek(start, day) + ", "
          + DateParts.truncateToWeek(end, day) + ") / 7 AS BIGINT)";
    }
    if (!DIFF_PARTS.contains(part) && !(name.equals("DATETIME_DIFF") && TIME_PARTS.contains(part))) {
      throw unsupportedPart(name, part);
    }
    return "date_diff('" + part.toLowerCase(Locale.ROOT) + "', " + start + ", " + end + ")";
  }

  /** TIMESTAMP_DIFF counts whole elapsed units (not boundaries): DuckDB's date_sub. */
  private static String timestampDiff(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 3, 3);
    String part = DateParts.name(name, args.get(2));
    if (!Set.of("MICROSECOND", "MILLISECOND", "SECOND", "MINUTE", "HOUR", "DAY").contains(part)) {
      throw unsupportedPart(name, part);
    }
    return "date_sub('" + part.toLowerCase(Locale.ROOT) + "', " + timestampArg(args.get(1), out) + ", "
        + timestampArg(args.get(0), out) + ")";
  }

  /** DATE_ADD / DATE_SUB(d, INTERVAL n unit) → a DATE (DuckDB's date ± interval is a TIMESTAMP). */
  private static String shiftDate(
      String name, List<Expression> args, FunctionRule.ExpressionRenderer out, String sign) {
    requireArgs(name, args, 2, 2);
    if (!(args.get(1) instanceof IntervalExpression)) {
      throw new UnsupportedConstructException(name, name + " expects INTERVAL n unit as its second argument");
    }
    IntervalExpression interval = (IntervalExpression) args.get(1);
    return "CAST(" + dateArg(args.get(0), out) + " " + sign + " " + Intervals.render(name, interval, out)
        + " AS DATE)";
  }

  /** FORMAT_DATE(fmt, d) → strftime(d, fmt); the common format elements (%Y %m %d %B %A …) are the same. */
  private static String format(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 2, 2);
    String value = name.equals("FORMAT_DATE") ? dateArg(args.get(1), out) : timestampArg(args.get(1), out);
    return "strftime(" + value + ", " + out.render(args.get(0)) + ")";
  }

  /** PARSE_xxx(fmt, s) → strptime(s, fmt), a TIMESTAMP. */
  private static String parse(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 2, 2);
    return "strptime(" + out.render(args.get(1)) + ", " + out.render(args.get(0)) + ")";
  }

  /** DATE(y, m, d) → make_date; DATE(x) → CAST(x AS DATE); a time-zone argument is not supported. */
  private static String date(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 1, 3);
    if (args.size() == 3) {
      return "make_date(" + out.render(args.get(0)) + ", " + out.render(args.get(1)) + ", "
          + out.render(args.get(2)) + ")";
    }
    if (args.size() == 2) {
      throw new UnsupportedConstructException(name, "DATE(timestamp, time_zone): time zones are not supported");
    }
    return "CAST(" + out.render(args.get(0)) + " AS DATE)";
  }

  /**
   * TIMESTAMP(x): a DATE becomes midnight UTC, a DATETIME or a string is read in UTC, BigQuery's default zone.
   * TIMESTAMPs are zone-less here and stand for UTC, so this is a cast; a time-zone argument, or a string literal
   * that names a zone or an offset, is not translated.
   */
  private static String timestamp(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 1, 2);
    if (args.size() == 2) {
      throw new UnsupportedConstructException(name, name + "(value, time_zone): time zones are not supported");
    }
    if (args.get(0) instanceof net.sf.jsqlparser.expression.StringValue literal
        && ZONED.matcher(literal.getValue().strip()).find()) {
      throw new UnsupportedConstructException(name, name + ": a time-zone offset or name in '"
          + literal.getValue() + "' is not supported");
    }
    return "CAST(" + out.render(args.get(0)) + " AS TIMESTAMP)";
  }

  /** A zone at the end of a timestamp string: Z, +hh[:mm], -hh[:mm] after the time, or a zone name. */
  private static final java.util.regex.Pattern ZONED =
      java.util.regex.Pattern.compile(
          "(\\d[Zz]$|:\\d{2}(\\.\\d+)?\\s*[+-]\\d{1,2}(:?\\d{2})?$|\\s[A-Za-z_]+(/[A-Za-z_]+)*$)");

  /** DATETIME(d), DATETIME(d, t), DATETIME(y, m, d, h, mi, s); a time-zone argument is not translated. */
  private static String datetime(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 1, 6);
    if (args.size() == 6) {
      return "make_timestamp(" + args.stream().map(out::render).collect(java.util.stream.Collectors.joining(", "))
          + ")";
    }
    if (args.size() == 2 && !(args.get(1) instanceof net.sf.jsqlparser.expression.StringValue)) {
      return "(CAST(" + dateArg(args.get(0), out) + " AS DATE) + CAST(" + out.render(args.get(1)) + " AS TIME))";
    }
    if (args.size() != 1) {
      throw new UnsupportedConstructException(name, name + " with " + args.size() + " arguments (or a time zone)"
          + " is not translated");
    }
    return "CAST(" + out.render(args.get(0)) + " AS TIMESTAMP)";
  }

  /** TIMESTAMP_ADD / DATETIME_SUB(ts, INTERVAL n unit) → a TIMESTAMP. */
  private static String shiftTimestamp(
      String name, List<Expression> args, FunctionRule.ExpressionRenderer out, String sign) {
    requireArgs(name, args, 2, 2);
    if (!(args.get(1) instanceof IntervalExpression)) {
      throw new UnsupportedConstructException(name, name + " expects INTERVAL n unit as its second argument");
    }
    return "CAST(" + timestampArg(args.get(0), out) + " " + sign + " "
        + Intervals.render(name, (IntervalExpression) args.get(1), out) + " AS TIMESTAMP)";
  }

  private static String lastDay(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 1, 2);
    if (args.size() == 2 && !DateParts.name(name, args.get(1)).equals("MONTH")) {
      throw unsupportedPart(name, DateParts.name(name, args.get(1)));
    }
    return "last_day(" + dateArg(args.get(0), out) + ")";
  }

  private static String unixDate(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 1, 1);
    return "date_diff('day', DATE '1970-01-01', " + dateArg(args.get(0), out) + ")";
  }

  private static String dateFromUnixDate(String name, List<Expression> args, FunctionRule.ExpressionRenderer out) {
    requireArgs(name, args, 1, 1);
    return "CAST(DATE '1970-01-01' + to_days(CAST(" + out.render(args.get(0)) + " AS INTEGER)) AS DATE)";
  }

  private static UnsupportedConstructException unsupportedPart(String name, String part) {
    return new UnsupportedConstructException(name + "(" + part + ")", name + " with part " + part
        + " is not translated");
  }
}
