package dev.diaharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The BigQuery semantics table (docs/bigquery-semantics.md) as tests: each row runs a BigQuery query through the
 * translator and the sandbox and must give the value BigQuery's documentation gives for it (most queries are the
 * documentation's own examples), raise an error where BigQuery does, or be refused by name. Every function the
 * translator accepts has a row here and a row in the document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BigQuerySemanticsTest {
  private static final Path TABLE = Path.of("docs", "bigquery-semantics.md");

  @AutoClose private final SqlTestDatabase.Sandbox sandbox = SqlTestDatabase.sandbox(SandboxLimits.DEFAULT);

  /** What BigQuery does with the query. */
  sealed interface Expect permits Value, Raises, Refused {}

  /** BigQuery returns this value (first column of the first row). */
  record Value(Object value) implements Expect {}

  /** BigQuery raises an error. */
  record Raises() implements Expect {}

  /** The translator refuses the construct, naming it. */
  record Refused(String construct) implements Expect {}

  /** One row of the table: the function it documents, a query and what BigQuery does. */
  record Row(String function, String sql, Expect expect) {
    @Override
    public String toString() {
      return function + ": " + sql;
    }
  }

  private static Row value(String function, String sql, Object value) {
    return new Row(function, sql, new Value(value));
  }

  private static Row raises(String function, String sql) {
    return new Row(function, sql, new Raises());
  }

  private static Row refused(String function, String sql) {
    return new Row(function, sql, new Refused(function));
  }

  /** Five values as a table x, the data of the PERCENTILE_CONT example: 0, 3, NULL, 1, 2. */
  private static final String XS =
      "(SELECT 0 AS x UNION ALL SELECT 3 UNION ALL SELECT NULL UNION ALL SELECT 1 UNION ALL SELECT 2)";
  /** 1, 2, 2, 3 for the window functions. */
  private static final String WS =
      "(SELECT 1 AS x UNION ALL SELECT 2 UNION ALL SELECT 2 UNION ALL SELECT 3)";
  private static final String PAIRS = "(SELECT 1 AS a, 2 AS b UNION ALL SELECT 2, 4 UNION ALL SELECT 3, 6)";
  private static final String FLOATS = "(SELECT CAST(v AS FLOAT64) AS v FROM (SELECT 10 AS v UNION ALL SELECT 14"
      + " UNION ALL SELECT 18))";

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    rows.addAll(nullsAndOperators());
    rows.addAll(math());
    rows.addAll(strings());
    rows.addAll(aggregatesAndWindows());
    rows.addAll(dates());
    rows.addAll(refusals());
    return rows;
  }

  private static List<Row> nullsAndOperators() {
    return List.of(
        raises("/", "SELECT 1 / 0"),
        raises("/", "SELECT amount / (id - 1) FROM orders"),
        value("/", "SELECT 7 / 2", 3.5),
        value("/", "SELECT amount / NULL FROM orders WHERE id = 1", null),
        value("||", "SELECT 'a' || NULL", null),
        value("=", "SELECT 'B' < 'a'", true), // byte order, no collation
        value("LIKE", "SELECT 'Apple' LIKE 'a%'", false),
        value("IN", "SELECT 1 IN (2, NULL)", null),
        raises("+", "SELECT 9223372036854775807 + 1"),
        value("CAST", "SELECT CAST(CAST('2.5' AS FLOAT64) AS INT64)", 3L),
        value("CAST", "SELECT CAST(CAST('-2.5' AS FLOAT64) AS INT64)", -3L),
        value("CAST", "SELECT CAST(CAST('-0.5' AS FLOAT64) AS INT64)", -1L),
        value("CAST", "SELECT CAST('0x87a' AS INT64)", 2170L),
        raises("CAST", "SELECT CAST('4.5' AS INT64)"),
        value("SAFE_CAST", "SELECT SAFE_CAST('4.5' AS INT64)", null),
        value("SAFE_CAST", "SELECT SAFE_CAST('apple' AS INT64)", null),
        value("CAST", "SELECT CAST(CAST('1.0' AS FLOAT64) AS STRING)", "1"),
        value("CAST", "SELECT CAST(CAST('0.25' AS FLOAT64) AS STRING)", "0.25"),
        value("COALESCE", "SELECT COALESCE(NULL, 'B', 'C')", "B"),
        value("IFNULL", "SELECT IFNULL(NULL, 0)", 0L),
        value("NULLIF", "SELECT NULLIF(0, 0)", null),
        value("NULLIF", "SELECT NULLIF(10, 0)", 10L),
        value("IF", "SELECT IF(NULL, 'yes', 'no')", "no"),
        value("GREATEST", "SELECT GREATEST(3, 5, 1)", 5L),
        value("GREATEST", "SELECT GREATEST(1, NULL, 3)", null),
        value("LEAST", "SELECT LEAST(3, 5, 1)", 1L),
        value("LEAST", "SELECT LEAST(amount, 1000) FROM orders WHERE id = 2", null));
  }

  private static List<Row> math() {
    return List.of(
        value("SAFE_DIVIDE", "SELECT SAFE_DIVIDE(20, 4)", 5.0),
        value("SAFE_DIVIDE", "SELECT SAFE_DIVIDE(20, 0)", null),
        value("IEEE_DIVIDE", "SELECT IEEE_DIVIDE(20, 4)", 5.0),
        value("IEEE_DIVIDE", "SELECT IEEE_DIVIDE(25, 0)", Double.POSITIVE_INFINITY),
        value("IEEE_DIVIDE", "SELECT IEEE_DIVIDE(-25, 0)", Double.NEGATIVE_INFINITY),
        value("IS_NAN", "SELECT IS_NAN(IEEE_DIVIDE(0, 0))", true),
        value("IS_INF", "SELECT IS_INF(IEEE_DIVIDE(25, 0))", true),
        value("DIV", "SELECT DIV(20, 3)", 6L),
        value("DIV", "SELECT DIV(12, -7)", -1L),
        raises("DIV", "SELECT DIV(20, 0)"),
        value("MOD", "SELECT MOD(25, 12)", 1L),
        value("MOD", "SELECT MOD(-25, 12)", -1L),
        value("MOD", "SELECT MOD(25, -12)", 1L),
        raises("MOD", "SELECT MOD(25, 0)"),
        value("ROUND", "SELECT ROUND(CAST('2.5' AS FLOAT64))", 3.0),
        value("ROUND", "SELECT ROUND(CAST('-2.5' AS FLOAT64))", -3.0),
        value("ROUND", "SELECT ROUND(CAST('2.3' AS FLOAT64))", 2.0),
        value("ROUND", "SELECT ROUND(CAST('1.235' AS NUMERIC), 2)", 1.24),
        value("TRUNC", "SELECT TRUNC(CAST('-2.8' AS FLOAT64))", -2.0),
        value("CEIL", "SELECT CEIL(CAST('-2.3' AS FLOAT64))", -2.0),
        value("CEILING", "SELECT CEILING(CAST('2.3' AS FLOAT64))", 3.0),
        value("FLOOR", "SELECT FLOOR(CAST('-2.3' AS FLOAT64))", -3.0),
        value("ABS", "SELECT ABS(-25)", 25L),
        value("SIGN", "SELECT SIGN(-25)", -1L),
        value("SQRT", "SELECT SQRT(25)", 5.0),
        raises("SQRT", "SELECT SQRT(-1)"),
        value("POW", "SELECT POW(2, 3)", 8.0),
        value("POWER", "SELECT POWER(-2, 3)", -8.0),
        raises("POW", "SELECT POW(-2, 0.5)"),
        raises("POWER", "SELECT POWER(0, -1)"),
        value("EXP", "SELECT EXP(0)", 1.0),
        value("LN", "SELECT LN(1)", 0.0),
        raises("LN", "SELECT LN(0)"),
        value("LOG10", "SELECT LOG10(100)", 2.0),
        value("LOG", "SELECT LOG(100, 10)", 2.0),
        value("LOG", "SELECT ROUND(LOG(EXP(2)), 9)", 2.0),
        value("SIN", "SELECT SIN(0)", 0.0),
        value("COS", "SELECT COS(0)", 1.0),
        value("TAN", "SELECT TAN(0)", 0.0),
        value("ASIN", "SELECT ASIN(0)", 0.0),
        value("ACOS", "SELECT ACOS(1)", 0.0),
        value("ATAN", "SELECT ATAN(0)", 0.0),
        value("ATAN2", "SELECT ATAN2(0, 1)", 0.0));
  }

  private static List<Row> strings() {
    return List.of(
        value("CONCAT", "SELECT CONCAT('The', ' ', 'quick', ' ', 'brown', ' ', 'fox')", "The quick brown fox"),
        value("CONCAT", "SELECT CONCAT('a', NULL)", null),
        value("CONCAT", "SELECT CONCAT(status, CAST(amount AS STRING)) FROM orders WHERE id = 2", null),
        value("SUBSTR", "SELECT SUBSTR('apple', 2)", "pple"),
        value("SUBSTR", "SELECT SUBSTR('apple', 2, 2)", "pp"),
        value("SUBSTR", "SELECT SUBSTR('apple', -2)", "le"),
        value("SUBSTR", "SELECT SUBSTR('apple', 1, 123)", "apple"),
        value("SUBSTR", "SELECT SUBSTR('apple', 123)", ""),
        value("SUBSTR", "SELECT SUBSTR('apple', 0, 2)", "ap"),
        value("SUBSTR", "SELECT SUBSTR('apple', -9, 2)", "ap"),
        raises("SUBSTR", "SELECT SUBSTR('apple', 1, -1)"),
        value("SUBSTRING", "SELECT SUBSTRING('apple', 0)", "apple"),
        value("REGEXP_REPLACE", "SELECT REGEXP_REPLACE('# Heading', r'^# ([a-zA-Z0-9\\s]+$)', '<h1>\\\\1</h1>')",
            "<h1>Heading</h1>"),
        value("REGEXP_REPLACE", "SELECT REGEXP_REPLACE('banana', 'a', 'o')", "bonono"),
        value("REGEXP_EXTRACT", "SELECT REGEXP_EXTRACT('foo@example.com', r'^[a-zA-Z0-9_.+-]+')", "foo"),
        value("REGEXP_EXTRACT", "SELECT REGEXP_EXTRACT('foo@example.com', r'^([a-zA-Z0-9_.+-]+)@')", "foo"),
        value("REGEXP_EXTRACT", "SELECT REGEXP_EXTRACT('Hello Helloo and Hellooo', 'H?ello+')", "Hello"),
        value("REGEXP_EXTRACT", "SELECT REGEXP_EXTRACT('apple', r'\\d')", null),
        value("REGEXP_SUBSTR", "SELECT REGEXP_SUBSTR('ab12', r'[0-9]+')", "12"),
        raises("REGEXP_EXTRACT", "SELECT REGEXP_EXTRACT('ab', '(a)(b)')"),
        value("REGEXP_CONTAINS", "SELECT REGEXP_CONTAINS('foo@example.com', r'@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+')",
            true),
        value("REGEXP_CONTAINS", "SELECT REGEXP_CONTAINS('Apple', 'apple')", false),
        value("LENGTH", "SELECT LENGTH('абвгд')", 5L),
        value("CHAR_LENGTH", "SELECT CHAR_LENGTH('абвгд')", 5L),
        value("CHARACTER_LENGTH", "SELECT CHARACTER_LENGTH('абвгд')", 5L),
        value("BYTE_LENGTH", "SELECT BYTE_LENGTH('абвгд')", 10L),
        value("LOWER", "SELECT LOWER('FOO BAR')", "foo bar"),
        value("UPPER", "SELECT UPPER('foo')", "FOO"),
        value("TRIM", "SELECT TRIM('   apple   ')", "apple"),
        value("TRIM", "SELECT TRIM('***apple***', '*')", "apple"),
        value("LTRIM", "SELECT LTRIM('   apple   ')", "apple   "),
        value("RTRIM", "SELECT RTRIM('***apple***', '*')", "***apple"),
        value("REPLACE", "SELECT REPLACE('apple pie', 'pie', 'cobbler')", "apple cobbler"),
        value("REPLACE", "SELECT REPLACE('apple', '', 'x')", "apple"),
        value("REVERSE", "SELECT REVERSE('abc')", "cba"),
        value("STARTS_WITH", "SELECT STARTS_WITH('foo', 'b')", false),
        value("ENDS_WITH", "SELECT ENDS_WITH('apple', 'e')", true),
        value("STRPOS", "SELECT STRPOS('foo@example.com', '@')", 4L),
        value("STRPOS", "SELECT STRPOS('foo', 'x')", 0L),
        value("INSTR", "SELECT INSTR('banana', 'an')", 2L),
        value("REPEAT", "SELECT REPEAT('abc', 3)", "abcabcabc"),
        value("LEFT", "SELECT LEFT('apple', 3)", "app"),
        value("RIGHT", "SELECT RIGHT('apple', 3)", "ple"),
        value("LPAD", "SELECT LPAD('c', 5)", "    c"),
        value("LPAD", "SELECT LPAD('hello world', 7)", "hello w"),
        value("RPAD", "SELECT RPAD('b', 4, 'a')", "baaa"),
        value("EDIT_DISTANCE", "SELECT EDIT_DISTANCE('a', 'b')", 1L),
        value("EDIT_DISTANCE", "SELECT EDIT_DISTANCE('aa', 'b')", 2L));
  }

  private static List<Row> aggregatesAndWindows() {
    return List.of(
        value("COUNT", "SELECT COUNT(*) FROM orders", 4L),
        value("COUNT", "SELECT COUNT(amount) FROM orders", 3L),
        value("COUNT", "SELECT COUNT(DISTINCT customer_id) FROM orders", 2L),
        value("COUNTIF", "SELECT COUNTIF(amount > 20) FROM orders", 2L),
        value("SUM", "SELECT SUM(amount) FROM orders", 142.5),
        value("SUM", "SELECT SUM(amount) FROM orders WHERE id > 10", null),
        value("AVG", "SELECT AVG(amount) FROM orders", 47.5),
        value("MIN", "SELECT MIN(order_date) FROM orders", LocalDate.of(2024, 1, 7)),
        value("MAX", "SELECT MAX(status) FROM orders", "open"),
        value("ANY_VALUE", "SELECT ANY_VALUE(customer_id) FROM orders WHERE id = 3", 20L),
        value("STRING_AGG", "SELECT STRING_AGG(status, ' & ' ORDER BY id) FROM orders",
            "done & open & done & cancelled"),
        value("STRING_AGG", "SELECT STRING_AGG(status) FROM orders WHERE id = 1", "done"),
        value("LOGICAL_AND", "SELECT LOGICAL_AND(amount > 20) FROM orders", false),
        value("LOGICAL_OR", "SELECT LOGICAL_OR(amount > 20) FROM orders", true),
        value("BIT_AND", "SELECT BIT_AND(b) FROM (SELECT 12 AS b UNION ALL SELECT 10)", 8L),
        value("BIT_OR", "SELECT BIT_OR(b) FROM (SELECT 12 AS b UNION ALL SELECT 10)", 14L),
        value("BIT_XOR", "SELECT BIT_XOR(b) FROM (SELECT 12 AS b UNION ALL SELECT 10)", 6L),
        value("STDDEV_SAMP", "SELECT STDDEV_SAMP(v) FROM " + FLOATS, 4.0),
        value("STDDEV", "SELECT STDDEV(v) FROM " + FLOATS, 4.0),
        value("STDDEV_POP", "SELECT ROUND(STDDEV_POP(v), 6) FROM " + FLOATS, 3.265986),
        value("VAR_SAMP", "SELECT VAR_SAMP(v) FROM " + FLOATS, 16.0),
        value("VARIANCE", "SELECT VARIANCE(v) FROM " + FLOATS, 16.0),
        value("VAR_POP", "SELECT ROUND(VAR_POP(v), 6) FROM " + FLOATS, 10.666667),
        value("STDDEV_SAMP", "SELECT STDDEV_SAMP(v) FROM " + FLOATS + " WHERE v = 10", null),
        value("CORR", "SELECT CORR(a, b) FROM " + PAIRS, 1.0),
        value("COVAR_SAMP", "SELECT COVAR_SAMP(a, b) FROM " + PAIRS, 2.0),
        value("COVAR_POP", "SELECT ROUND(COVAR_POP(a, b), 6) FROM " + PAIRS, 1.333333),
        value("APPROX_COUNT_DISTINCT", "SELECT APPROX_COUNT_DISTINCT(x) FROM (SELECT 1 AS x UNION ALL SELECT 1"
            + " UNION ALL SELECT 2 UNION ALL SELECT 3)", 3L),
        value("PERCENTILE_CONT", "SELECT PERCENTILE_CONT(x, 0) OVER () FROM " + XS + " LIMIT 1", 0.0),
        value("PERCENTILE_CONT", "SELECT PERCENTILE_CONT(x, 0.01) OVER () FROM " + XS + " LIMIT 1", 0.03),
        value("PERCENTILE_CONT", "SELECT PERCENTILE_CONT(x, 0.5) OVER () FROM " + XS + " LIMIT 1", 1.5),
        value("PERCENTILE_CONT", "SELECT PERCENTILE_CONT(x, 0.9) OVER () FROM " + XS + " LIMIT 1", 2.7),
        value("PERCENTILE_CONT", "SELECT PERCENTILE_CONT(x, 1) OVER () FROM " + XS + " LIMIT 1", 3.0),
        value("PERCENTILE_DISC", "SELECT PERCENTILE_DISC(s, 0.5) OVER () FROM (SELECT 'c' AS s UNION ALL SELECT"
            + " NULL UNION ALL SELECT 'b' UNION ALL SELECT 'a') LIMIT 1", "b"),
        value("PERCENTILE_DISC", "SELECT PERCENTILE_DISC(s, 0) OVER () FROM (SELECT 'c' AS s UNION ALL SELECT"
            + " NULL UNION ALL SELECT 'b' UNION ALL SELECT 'a') LIMIT 1", "a"),
        value("ROW_NUMBER", "SELECT MAX(r) FROM (SELECT ROW_NUMBER() OVER (ORDER BY x) r FROM " + WS + ")", 4L),
        value("RANK", "SELECT MAX(r) FROM (SELECT RANK() OVER (ORDER BY x) r FROM " + WS + ")", 4L),
        value("DENSE_RANK", "SELECT MAX(r) FROM (SELECT DENSE_RANK() OVER (ORDER BY x) r FROM " + WS + ")", 3L),
        value("PERCENT_RANK", "SELECT MAX(r) FROM (SELECT PERCENT_RANK() OVER (ORDER BY x) r FROM " + WS + ")", 1.0),
        value("CUME_DIST", "SELECT r FROM (SELECT x, CUME_DIST() OVER (ORDER BY x) r FROM " + WS + ") WHERE x = 2"
            + " LIMIT 1", 0.75),
        value("NTILE", "SELECT r FROM (SELECT x, NTILE(3) OVER (ORDER BY x) r FROM " + WS + ") WHERE x = 3", 3L),
        value("LAG", "SELECT r FROM (SELECT x, LAG(x) OVER (ORDER BY x) r FROM " + WS + ") WHERE x = 3", 2L),
        value("LEAD", "SELECT r FROM (SELECT x, LEAD(x, 1, 0) OVER (ORDER BY x) r FROM " + WS + ") WHERE x = 3", 0L),
        value("FIRST_VALUE", "SELECT MAX(r) FROM (SELECT FIRST_VALUE(x) OVER (ORDER BY x) r FROM " + WS + ")", 1L),
        value("LAST_VALUE", "SELECT r FROM (SELECT x, LAST_VALUE(x) OVER (ORDER BY x) r FROM " + WS + ") WHERE x = 1",
            1L),
        value("NTH_VALUE", "SELECT r FROM (SELECT x, NTH_VALUE(x, 4) OVER (ORDER BY x) r FROM " + WS + ") WHERE"
            + " x = 3", 3L),
        value("COUNTIF", "SELECT MAX(c) FROM (SELECT COUNTIF(status = 'done') OVER () c FROM orders)", 2L));
  }

  private static List<Row> dates() {
    return List.of(
        value("DATE_ADD", "SELECT DATE_ADD(DATE '2008-12-25', INTERVAL 5 DAY)", LocalDate.of(2008, 12, 30)),
        value("DATE_ADD", "SELECT DATE_ADD(DATE '2024-01-31', INTERVAL 1 MONTH)", LocalDate.of(2024, 2, 29)),
        value("DATE_SUB", "SELECT DATE_SUB(DATE '2008-12-25', INTERVAL 5 DAY)", LocalDate.of(2008, 12, 20)),
        value("DATE_DIFF", "SELECT DATE_DIFF(DATE '2010-07-07', DATE '2008-12-25', DAY)", 559L),
        value("DATE_DIFF", "SELECT DATE_DIFF(DATE '2017-10-15', DATE '2017-10-14', WEEK)", 1L),
        value("DATE_DIFF", "SELECT DATE_DIFF(DATE '2017-12-18', DATE '2017-12-17', ISOWEEK)", 1L),
        value("DATE_TRUNC", "SELECT DATE_TRUNC(DATE '2008-12-25', MONTH)", LocalDate.of(2008, 12, 1)),
        value("DATE_TRUNC", "SELECT DATE_TRUNC(DATE '2017-11-05', ISOWEEK)", LocalDate.of(2017, 10, 30)),
        value("DATE_TRUNC", "SELECT DATE_TRUNC(DATE '2017-11-05', WEEK(MONDAY))", LocalDate.of(2017, 10, 30)),
        value("DATE_TRUNC", "SELECT DATE_TRUNC(DATE '2008-12-25', WEEK)", LocalDate.of(2008, 12, 21)),
        value("DATETIME_TRUNC", "SELECT DATETIME_TRUNC(DATETIME '2008-12-25 15:30:00', DAY)",
            LocalDateTime.of(2008, 12, 25, 0, 0)),
        value("TIMESTAMP_TRUNC", "SELECT TIMESTAMP_TRUNC(TIMESTAMP '2008-12-25 15:30:00', HOUR)",
            LocalDateTime.of(2008, 12, 25, 15, 0)),
        // weeks of a TIMESTAMP start on Sunday too, and stay a TIMESTAMP (midnight of the week's first day)
        value("TIMESTAMP_TRUNC", "SELECT TIMESTAMP_TRUNC(TIMESTAMP '2008-12-25 15:30:00', WEEK)",
            LocalDateTime.of(2008, 12, 21, 0, 0)),
        value("DATETIME_TRUNC", "SELECT DATETIME_TRUNC(DATETIME '2017-11-05 08:00:00', WEEK(MONDAY))",
            LocalDateTime.of(2017, 10, 30, 0, 0)),
        value("DATETIME_DIFF", "SELECT DATETIME_DIFF(DATETIME '2010-07-07 10:20:00', DATETIME '2008-12-25 15:30:00',"
            + " DAY)", 559L),
        value("TIMESTAMP_DIFF", "SELECT TIMESTAMP_DIFF(TIMESTAMP '2010-07-07 10:20:00',"
            + " TIMESTAMP '2008-12-25 15:30:00', HOUR)", 13410L),
        value("TIMESTAMP_ADD", "SELECT TIMESTAMP_ADD(TIMESTAMP '2008-12-25 15:30:00', INTERVAL 10 MINUTE)",
            LocalDateTime.of(2008, 12, 25, 15, 40)),
        value("TIMESTAMP_SUB", "SELECT TIMESTAMP_SUB(TIMESTAMP '2008-12-25 15:30:00', INTERVAL 10 MINUTE)",
            LocalDateTime.of(2008, 12, 25, 15, 20)),
        value("DATETIME_ADD", "SELECT DATETIME_ADD(DATETIME '2008-12-25 15:30:00', INTERVAL 10 MINUTE)",
            LocalDateTime.of(2008, 12, 25, 15, 40)),
        value("DATETIME_SUB", "SELECT DATETIME_SUB(DATETIME '2008-12-25 15:30:00', INTERVAL 10 MINUTE)",
            LocalDateTime.of(2008, 12, 25, 15, 20)),
        value("TIMESTAMP", "SELECT TIMESTAMP(DATE '2008-12-25')", LocalDateTime.of(2008, 12, 25, 0, 0)),
        value("TIMESTAMP", "SELECT TIMESTAMP('2008-12-25 15:30:00')", LocalDateTime.of(2008, 12, 25, 15, 30)),
        refused("TIMESTAMP", "SELECT TIMESTAMP('2008-12-25 15:30:00', 'America/Los_Angeles')"),
        refused("TIMESTAMP", "SELECT TIMESTAMP('2008-12-25 15:30:00+05')"),
        value("DATETIME", "SELECT DATETIME(DATE '2008-12-25', TIME '05:30:00')", LocalDateTime.of(2008, 12, 25, 5, 30)),
        value("DATETIME", "SELECT DATETIME(DATE '2008-12-25')", LocalDateTime.of(2008, 12, 25, 0, 0)),
        value("DATE", "SELECT DATE(TIMESTAMP '2016-12-25 05:30:00')", LocalDate.of(2016, 12, 25)),
        refused("DATE", "SELECT DATE(TIMESTAMP '2016-12-25 05:30:00', 'America/Los_Angeles')"),
        value("LAST_DAY", "SELECT LAST_DAY(DATE '2008-11-25', MONTH)", LocalDate.of(2008, 11, 30)),
        value("UNIX_DATE", "SELECT UNIX_DATE(DATE '2008-12-25')", 14238L),
        value("DATE_FROM_UNIX_DATE", "SELECT DATE_FROM_UNIX_DATE(14238)", LocalDate.of(2008, 12, 25)),
        value("FORMAT_DATE", "SELECT FORMAT_DATE('%b-%d-%Y', DATE '2008-12-25')", "Dec-25-2008"),
        value("FORMAT_DATETIME", "SELECT FORMAT_DATETIME('%b %Y', DATETIME '2008-12-25 15:30:00')", "Dec 2008"),
        value("FORMAT_TIMESTAMP", "SELECT FORMAT_TIMESTAMP('%b %Y', TIMESTAMP '2008-12-25 15:30:00')", "Dec 2008"),
        value("PARSE_DATE", "SELECT PARSE_DATE('%Y%m%d', '20081225')", LocalDate.of(2008, 12, 25)),
        value("PARSE_DATETIME", "SELECT PARSE_DATETIME('%Y-%m-%d %H:%M:%S', '1998-10-18 13:45:55')",
            LocalDateTime.of(1998, 10, 18, 13, 45, 55)),
        value("PARSE_TIMESTAMP", "SELECT PARSE_TIMESTAMP('%Y-%m-%d %H:%M', '2008-12-25 07:30')",
            LocalDateTime.of(2008, 12, 25, 7, 30)),
        value("EXTRACT", "SELECT EXTRACT(DAYOFWEEK FROM DATE '2008-12-25')", 5L),
        value("EXTRACT", "SELECT EXTRACT(WEEK FROM DATE '2017-01-01')", 1L),
        value("EXTRACT", "SELECT EXTRACT(ISOYEAR FROM DATE '2005-01-01')", 2004L));
  }

  private static List<Row> refusals() {
    return List.of(
        refused("ARRAY_AGG", "SELECT ARRAY_AGG(id) FROM orders"),
        refused("APPROX_QUANTILES", "SELECT APPROX_QUANTILES(amount, 2) FROM orders"),
        refused("FORMAT", "SELECT FORMAT('%d', 10)"),
        refused("INITCAP", "SELECT INITCAP('hello world')"),
        refused("RAND", "SELECT RAND()"),
        refused("SPLIT", "SELECT SPLIT('a,b', ',')"),
        refused("STRFTIME", "SELECT STRFTIME(order_date, '%Y') FROM orders"),
        refused("REGEXP_EXTRACT", "SELECT REGEXP_EXTRACT(status, status) FROM orders"),
        refused("ROUND", "SELECT ROUND(2.5, 0, 'ROUND_HALF_EVEN')"),
        refused("SAFE.SUBSTR", "SELECT SAFE.SUBSTR('foo', 0, -2)"));
  }

  static Stream<Row> table() {
    return rows().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void translatedQueryBehavesAsInBigQuery(Row row) {
    ExecutionResult result = sandbox.executor().executeBigQuery(row.sql());
    String translation =
        String.valueOf(new BigQueryTranslator().translate(row.sql(), sandbox.database().tables().keySet()));

    if (row.expect() instanceof Value v) {
      assertThat(result).as(translation).isInstanceOf(ExecutionResult.Rows.class);
      Object actual = ((ExecutionResult.Rows) result).table().rows().get(0).get(0);
      if (v.value() instanceof Double d && actual instanceof Double a && !d.isInfinite()) {
        assertThat(a).as(translation).isCloseTo(d, org.assertj.core.data.Offset.offset(1e-9));
      } else {
        assertThat(actual).as(translation).isEqualTo(v.value());
      }
    } else if (row.expect() instanceof Raises) {
      assertThat(result).as(translation).isInstanceOf(ExecutionResult.Failed.class);
    } else {
      assertThat(result).as(translation).isInstanceOf(ExecutionResult.Unsupported.class);
      assertThat(((ExecutionResult.Unsupported) result).construct())
          .isEqualTo(((Refused) row.expect()).construct());
    }
  }

  /** A function the translator accepts without a row here would run unchecked. */
  @Test
  void everyAcceptedFunctionHasARowHere() {
    Set<String> tested = rows().stream().map(Row::function).collect(Collectors.toCollection(TreeSet::new));

    assertThat(tested).containsAll(FunctionRules.accepted());
  }

  /** ... and a row in the document, which says what BigQuery does with it. */
  @Test
  void everyAcceptedFunctionHasARowInTheDocument() throws IOException {
    String document = Files.readString(TABLE);
    Set<String> documented = new TreeSet<>();
    document.lines().filter(l -> l.startsWith("| `"))
        .forEach(l -> documented.add(l.substring(3, l.indexOf('`', 3)).toUpperCase(Locale.ROOT)));

    assertThat(documented).containsAll(FunctionRules.accepted());
  }
}
