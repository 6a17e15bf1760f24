package dev.diaharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per BigQuery construct: the translated SQL runs on DuckDB and must give the value BigQuery documents for
 * the same query.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BigQueryTranslationResultTest {
  @AutoClose private final SqlTestDatabase.Sandbox sandbox = SqlTestDatabase.sandbox(SandboxLimits.DEFAULT);

  static Stream<Arguments> constructs() {
    return Stream.of(
        // EXTRACT: DAYOFWEEK is 1 (Sunday) .. 7 (Saturday); 2024-01-07 is a Sunday
        Arguments.of("SELECT EXTRACT(DAYOFWEEK FROM DATE '2024-01-07')", 1L),
        Arguments.of("SELECT EXTRACT(DAYOFWEEK FROM DATE '2024-01-06')", 7L),
        Arguments.of("SELECT EXTRACT(DAYOFYEAR FROM DATE '2024-03-01')", 61L),
        // WEEK: weeks start on Sunday, days before the first Sunday are week 0
        Arguments.of("SELECT EXTRACT(WEEK FROM DATE '2024-01-06')", 0L),
        Arguments.of("SELECT EXTRACT(WEEK FROM DATE '2024-01-07')", 1L),
        Arguments.of("SELECT EXTRACT(ISOWEEK FROM DATE '2024-01-07')", 1L),
        Arguments.of("SELECT EXTRACT(QUARTER FROM DATE '2024-05-17')", 2L),
        Arguments.of("SELECT EXTRACT(YEAR FROM DATE '2024-05-17')", 2024L),
        Arguments.of("SELECT EXTRACT(MONTH FROM order_date) FROM `proj.shop.orders` WHERE id = 4", 5L),
        // DATE_DIFF counts boundaries, end date first
        Arguments.of("SELECT DATE_DIFF(DATE '2024-03-01', DATE '2024-02-01', DAY)", 29L),
        Arguments.of("SELECT DATE_DIFF(DATE '2024-02-01', DATE '2024-01-31', MONTH)", 1L),
        Arguments.of("SELECT DATE_DIFF(DATE '2024-01-01', DATE '2023-12-31', YEAR)", 1L),
        Arguments.of("SELECT DATE_DIFF(DATE '2024-01-07', DATE '2024-01-06', WEEK)", 1L),
        Arguments.of("SELECT DATE_DIFF(DATE '2024-01-08', DATE '2024-01-07', WEEK)", 0L),
        Arguments.of("SELECT DATE_DIFF(DATE '2024-01-08', DATE '2024-01-07', ISOWEEK)", 1L),
        Arguments.of("SELECT DATE_DIFF('2024-03-01', '2024-02-01', DAY)", 29L),
        // DATE_TRUNC returns a DATE; WEEK starts on Sunday
        Arguments.of("SELECT DATE_TRUNC(DATE '2024-05-17', MONTH)", LocalDate.of(2024, 5, 1)),
        Arguments.of("SELECT DATE_TRUNC(DATE '2024-05-17', YEAR)", LocalDate.of(2024, 1, 1)),
        Arguments.of("SELECT DATE_TRUNC(DATE '2024-05-17', QUARTER)", LocalDate.of(2024, 4, 1)),
        Arguments.of("SELECT DATE_TRUNC(DATE '2024-05-17', DAY)", LocalDate.of(2024, 5, 17)),
        Arguments.of("SELECT DATE_TRUNC(DATE '2024-05-17', WEEK)", LocalDate.of(2024, 5, 12)),
        Arguments.of("SELECT DATE_TRUNC(DATE '2024-05-12', WEEK)", LocalDate.of(2024, 5, 12)),
        Arguments.of("SELECT DATE_TRUNC(DATE '2024-05-17', WEEK(MONDAY))", LocalDate.of(2024, 5, 13)),
        Arguments.of("SELECT DATE_TRUNC(DATE '2024-05-17', ISOWEEK)", LocalDate.of(2024, 5, 13)),
        Arguments.of("SELECT DATE_TRUNC(order_date, MONTH) FROM shop.orders WHERE id = 2", LocalDate.of(2024, 2, 1)),
        // DATE_ADD / DATE_SUB return a DATE; month arithmetic clamps to the month's end
        Arguments.of("SELECT DATE_ADD(DATE '2024-01-31', INTERVAL 1 MONTH)", LocalDate.of(2024, 2, 29)),
        Arguments.of("SELECT DATE_ADD(DATE '2024-05-17', INTERVAL 3 DAY)", LocalDate.of(2024, 5, 20)),
        Arguments.of("SELECT DATE_ADD(DATE '2024-05-17', INTERVAL 2 WEEK)", LocalDate.of(2024, 5, 31)),
        Arguments.of("SELECT DATE_ADD(DATE '2024-05-17', INTERVAL 1 QUARTER)", LocalDate.of(2024, 8, 17)),
        Arguments.of("SELECT DATE_SUB(DATE '2024-03-01', INTERVAL 1 DAY)", LocalDate.of(2024, 2, 29)),
        Arguments.of("SELECT DATE_SUB(DATE '2024-05-17', INTERVAL id YEAR) FROM orders WHERE id = 2",
            LocalDate.of(2022, 5, 17)),
        Arguments.of("SELECT DATE_SUB(DATE '2024-05-17', INTERVAL (id + 1) DAY) FROM orders WHERE id = 2",
            LocalDate.of(2024, 5, 14)),
        Arguments.of("SELECT LAST_DAY(DATE '2024-02-10')", LocalDate.of(2024, 2, 29)),
        Arguments.of("SELECT DATE(TIMESTAMP '2024-02-03 10:00:00')", LocalDate.of(2024, 2, 3)),
        // formatting and parsing
        Arguments.of("SELECT FORMAT_DATE('%Y-%m', DATE '2024-05-17')", "2024-05"),
        Arguments.of("SELECT FORMAT_DATE('%d/%m/%Y', order_date) FROM orders WHERE id = 1", "07/01/2024"),
        Arguments.of("SELECT PARSE_DATE('%Y%m%d', '20240517')", LocalDate.of(2024, 5, 17)),
        Arguments.of("SELECT PARSE_TIMESTAMP('%Y-%m-%d %H:%M', '2024-05-17 10:30')",
            LocalDateTime.of(2024, 5, 17, 10, 30)),
        Arguments.of("SELECT TIMESTAMP_TRUNC(TIMESTAMP '2024-05-17 10:30:00', HOUR)",
            LocalDateTime.of(2024, 5, 17, 10, 0)),
        Arguments.of("SELECT TIMESTAMP_DIFF(TIMESTAMP '2024-05-17 10:59:00', TIMESTAMP '2024-05-17 10:00:00', HOUR)",
            0L),
        // NULL-safe functions
        Arguments.of("SELECT SAFE_DIVIDE(1, 0) IS NULL", true),
        Arguments.of("SELECT SAFE_DIVIDE(1, NULL) IS NULL", true),
        Arguments.of("SELECT SAFE_DIVIDE(3, 2)", 1.5),
        Arguments.of("SELECT SAFE_CAST('abc' AS INT64) IS NULL", true),
        Arguments.of("SELECT SAFE_CAST('42' AS INT64)", 42L),
        Arguments.of("SELECT IFNULL(amount, 0) FROM orders WHERE id = 2", 0.0),
        Arguments.of("SELECT IF(amount > 50, 'big', 'small') FROM orders WHERE id = 1", "big"),
        Arguments.of("SELECT COUNTIF(status = 'done') FROM orders", 2L),
        Arguments.of("SELECT COUNTIF(amount > 1000) FROM orders", 0L),
        Arguments.of("SELECT MAX(c) FROM (SELECT COUNTIF(status = 'done') OVER (PARTITION BY customer_id) c"
            + " FROM orders)", 1L),
        // types
        Arguments.of("SELECT CAST('1.25' AS FLOAT64)", 1.25),
        Arguments.of("SELECT CAST(7 AS STRING)", "7"),
        Arguments.of("SELECT CAST('true' AS BOOL)", true),
        Arguments.of("SELECT CAST('1.123456789' AS NUMERIC)", 1.123456789),
        Arguments.of("SELECT CAST('2.5' AS BIGNUMERIC)", 2.5),
        Arguments.of("SELECT CAST(2.7 AS INT64)", 3L),
        // BigQuery's / is float division
        Arguments.of("SELECT 7 / 2", 3.5),
        Arguments.of("SELECT DIV(-7, 2)", -3L),
        Arguments.of("SELECT LOG(100, 10)", 2.0),
        // strings: double quotes are string literals, backslash escapes, raw strings
        Arguments.of("SELECT COUNT(*) FROM orders WHERE status = \"done\"", 2L),
        Arguments.of("SELECT 'it\\'s'", "it's"),
        Arguments.of("SELECT REGEXP_CONTAINS('abc123', r'\\d+')", true),
        Arguments.of("SELECT LOGICAL_AND(amount > 0) FROM orders", true),
        // SELECT * EXCEPT, QUALIFY, CTEs, qualified names in joins
        Arguments.of("SELECT * EXCEPT (id, customer_id, amount, order_date) FROM `proj.shop.orders` WHERE id = 3",
            "done"),
        Arguments.of("SELECT id FROM orders QUALIFY ROW_NUMBER() OVER (ORDER BY amount DESC) = 1", 1L),
        Arguments.of("WITH big AS (SELECT * FROM `shop.orders` WHERE amount > 20) SELECT COUNT(*) FROM big", 2L),
        Arguments.of("SELECT c.name FROM `proj.shop.orders` o JOIN proj.shop.customers c ON o.customer_id = c.id"
            + " WHERE shop.o.id = 3", "Grace"),
        Arguments.of("SELECT CURRENT_DATE() = CURRENT_DATE", true),
        // NULL ordering: BigQuery puts NULLs first on ASC and last on DESC
        Arguments.of("SELECT id FROM orders ORDER BY amount LIMIT 1", 2L),
        Arguments.of("SELECT id FROM orders ORDER BY amount DESC LIMIT 1", 1L),
        Arguments.of("SELECT id FROM orders ORDER BY customer_id ASC LIMIT 1", 4L));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("constructs")
  void translatedQueryGivesBigQuerysValue(String bigQuerySql, Object expected) {
    ExecutionResult result = sandbox.executor().executeBigQuery(bigQuerySql);

    assertThat(result)
        .as(String.valueOf(new BigQueryTranslator().translate(bigQuerySql, sandbox.database().tables().keySet())))
        .isInstanceOf(ExecutionResult.Rows.class);
    ResultTable table = ((ExecutionResult.Rows) result).table();
    assertThat(table.rows()).isNotEmpty();
    assertThat(table.rows().get(0).get(0)).isEqualTo(expected);
  }
}
