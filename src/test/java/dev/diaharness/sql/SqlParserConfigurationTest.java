package dev.diaharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One parser set-up ({@link SqlParser}) for the scorer and the sandbox guard: whatever BigQuery text the scorer
 * parses, the translator translates and the guard lets through, and the guard reads the translated text exactly as
 * DuckDB does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlParserConfigurationTest {
  @AutoClose private final SqlTestDatabase.Sandbox sandbox = SqlTestDatabase.sandbox(SandboxLimits.DEFAULT);

  static Stream<Arguments> bigQueryWithComments() {
    return Stream.of(
        Arguments.of("SELECT COUNT(*) FROM orders # a hash comment\nWHERE status = 'done'", 2L),
        Arguments.of("# leading hash comment\nSELECT COUNT(*) FROM orders WHERE status = 'done'", 2L),
        Arguments.of("SELECT COUNT(*) FROM orders -- dash comment\nWHERE status = 'done' /* block */;", 2L),
        // 2024-03-01 .. 2024-03-31: order 3
        Arguments.of("SELECT COUNT(*) FROM orders WHERE order_date BETWEEN DATE_SUB(DATE '2024-03-31', INTERVAL 30 DAY)"
            + " AND DATE '2024-03-31' AND status = 'done'", 1L),
        // 2024-01-02 .. 2024-03-31 for order 1, 2024-01-04 .. for order 3
        Arguments.of("SELECT COUNT(*) FROM orders WHERE order_date BETWEEN DATE_ADD(DATE '2024-01-01', INTERVAL id DAY)"
            + " AND LAST_DAY(DATE '2024-03-01') AND status = 'done'", 2L),
        // last month, as JSqlParser 5.3 cannot read it in one go: 2024-02-01 .. 2024-02-29, order 2
        Arguments.of("SELECT COUNT(*) FROM orders WHERE order_date BETWEEN DATE_SUB(DATE_TRUNC(DATE '2024-03-15', MONTH),"
            + " INTERVAL 1 MONTH) AND LAST_DAY(DATE_SUB(DATE '2024-03-15', INTERVAL 1 MONTH))", 1L),
        Arguments.of("SELECT COUNTIF(order_date BETWEEN DATE_SUB(DATE_TRUNC(DATE '2024-03-15', MONTH), INTERVAL 1 MONTH)"
            + " AND LAST_DAY(DATE_SUB(DATE '2024-03-15', INTERVAL 1 MONTH)) AND status = 'open') AS n FROM orders", 1L),
        Arguments.of("SELECT COUNT(*) FROM orders WHERE DATE_DIFF(DATE '2024-03-31', order_date, DAY) BETWEEN 0 AND 30"
            + " AND status = \"done\"", 1L));
  }

  /** Valid BigQuery that the scorer's parser reads must also run in the sandbox, not be refused by the guard. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("bigQueryWithComments")
  void bigQueryTheScorerParsesRunsInTheSandbox(String bigQuery, long expectedCount) {
    assertThat(SqlParser.parse(bigQuery)).isInstanceOf(SqlParseResult.Parsed.class);

    ExecutionResult result = sandbox.executor().executeBigQuery(bigQuery);

    assertThat(result).isInstanceOf(ExecutionResult.Rows.class);
    assertThat(((ExecutionResult.Rows) result).table().rows().get(0).get(0)).isEqualTo(expectedCount);
  }

  @Test
  void notBetweenKeepsItsMeaning() {
    ExecutionResult result = sandbox.executor().executeBigQuery(
        "SELECT COUNT(*) FROM orders WHERE order_date NOT BETWEEN DATE_SUB(DATE '2024-03-01', INTERVAL 1 DAY)"
            + " AND DATE '2024-03-01'");

    // 2024-02-29 and 2024-03-01 are in the range; 2024-01-07 and 2024-05-17 are not
    assertThat(((ExecutionResult.Rows) result).table().rows().get(0).get(0)).isEqualTo(2L);
  }

  /** BigQuery's 'a\\' is the text a\ : DuckDB's literal 'a\' — the guard must not read that backslash as an escape. */
  @Test
  void guardReadsTranslatedStringsAsDuckDbDoes() {
    ExecutionResult result = sandbox.executor().executeBigQuery("SELECT 'a\\\\' AS s, r'\\d' AS r");

    assertThat(result).isInstanceOf(ExecutionResult.Rows.class);
    assertThat(((ExecutionResult.Rows) result).table().rows().get(0)).containsExactly("a\\", "\\d");
  }

  /** A '#' is no comment in DuckDB text: the guard must see what follows it. */
  @Test
  void guardDoesNotTreatHashAsACommentInDuckDbText() {
    ExecutionResult result = sandbox.executor().execute("SELECT 1 # 1\n, * FROM read_csv('/etc/passwd')");

    assertThat(result).isInstanceOf(ExecutionResult.Rejected.class);
  }

  @Test
  void overlongTextIsRefusedBeforeParsing() {
    String sql = "SELECT 1 FROM orders WHERE id IN (" + "1, ".repeat(SqlParser.MAX_LENGTH / 3) + "1)";

    assertThat(SqlParser.parse(sql)).isInstanceOf(SqlParseResult.Unparseable.class);
    assertThat(sandbox.executor().executeBigQuery(sql)).isInstanceOf(ExecutionResult.Unparseable.class);
  }
}
