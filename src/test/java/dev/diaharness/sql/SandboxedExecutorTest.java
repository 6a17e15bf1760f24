package dev.diaharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxedExecutorTest {
  /**
   * Long enough for every finite query here on a loaded machine (the limit covers parsing and planning too), short
   * for the endless ones.
   */
  private static final Duration LIMIT = Duration.ofSeconds(3);
  @AutoClose private final SqlTestDatabase.Sandbox sandbox =
      SqlTestDatabase.sandbox(SandboxLimits.DEFAULT.withTimeout(LIMIT));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DELETE FROM orders",
        "UPDATE orders SET amount = 0",
        "INSERT INTO orders (id) VALUES (99)",
        "DROP TABLE orders",
        "CREATE TABLE x AS SELECT * FROM orders",
        "ALTER TABLE orders ADD COLUMN y INT",
        "TRUNCATE orders",
        "SELECT 1; DROP TABLE orders",
        "SELECT * FROM orders; SELECT 1",
        "COPY orders TO '/tmp/sandbox-leak.csv'",
        "ATTACH '/tmp/sandbox-leak.db' AS leak",
        "DETACH leak",
        "INSTALL httpfs",
        "LOAD httpfs",
        "PRAGMA database_list",
        "SET enable_external_access = true",
        "RESET lock_configuration",
        "CALL pragma_version()",
        "EXPORT DATABASE '/tmp/sandbox-leak'",
        "IMPORT DATABASE '/tmp/sandbox-leak'",
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_csv_auto('/etc/passwd')",
        "SELECT * FROM read_json('/etc/passwd')",
        "SELECT * FROM read_parquet('/etc/x.parquet')",
        "SELECT * FROM read_text('/etc/passwd')",
        "SELECT * FROM read_blob('/etc/passwd')",
        "SELECT * FROM glob('/etc/*')",
        "SELECT * FROM parquet_scan('/etc/x.parquet')",
        "SELECT * FROM sniff_csv('/etc/passwd')",
        "SELECT * FROM '/etc/passwd'",
        "SELECT * FROM \"/etc/passwd\"",
        "SELECT * FROM \"orders.csv\"",
        "SELECT * FROM 'https://example.com/x.csv'",
        "SELECT * FROM query('SELECT 1')",
        "WITH leak AS (SELECT * FROM read_csv('/etc/passwd')) SELECT * FROM leak",
        "SELECT * FROM orders WHERE id IN (SELECT 1 FROM read_text('/etc/passwd'))",
        "SELECT (SELECT content FROM read_text('/etc/passwd'))",
        "SELECT getenv('HOME')",
        "SELECT * FROM orders o JOIN read_csv('/etc/passwd') p ON true",
        "not sql at all",
      })
  void forbiddenStatementIsRejectedAndHasNoEffect(String sql) {
    ExecutionResult result = sandbox.executor().execute(sql);

    assertThat(result).isInstanceOf(ExecutionResult.Rejected.class);
    assertThat(((ExecutionResult.Rejected) result).reason()).isNotBlank();
    assertThat(count("SELECT COUNT(*) FROM orders")).isEqualTo(4L);
    assertThat(count("SELECT SUM(amount) FROM orders")).isEqualTo(142.5);
    assertThat(Files.exists(Path.of("/tmp/sandbox-leak.csv"))).isFalse();
  }

  @Test
  void lockDownHoldsEvenIfTheGuardIsBypassed() throws Exception {
    try (var connection = sandbox.database().newConnection()) {
      assertThat(tryExecute(connection, "SET enable_external_access = true")).contains("locked");
      assertThat(tryExecute(connection, "SELECT * FROM read_csv('/etc/passwd')")).contains("disabled");
      assertThat(tryExecute(connection, "COPY orders TO '" + sandbox.folder().resolve("leak.csv") + "'"))
          .contains("disabled");
      assertThat(tryExecute(connection, "INSTALL httpfs")).containsIgnoringCase("Permission");
    }
    assertThat(Files.exists(sandbox.folder().resolve("leak.csv"))).isFalse();
  }

  @Test
  void endlessRecursiveQueryTimesOut() {
    ExecutionResult result =
        sandbox.executor().execute(
            "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r");

    assertThat(result).isEqualTo(new ExecutionResult.TimedOut(LIMIT));
    assertThat(count("SELECT COUNT(*) FROM orders")).isEqualTo(4L);
  }

  @Test
  void hugeCrossJoinTimesOut() {
    ExecutionResult result =
        sandbox.executor().execute("SELECT count(*) FROM range(1000000000) a, range(1000000000) b");

    assertThat(result).isInstanceOf(ExecutionResult.TimedOut.class);
  }

  @Test
  void millionRowResultIsCapped() {
    ExecutionResult result = sandbox.executor().execute("SELECT * FROM range(1000000)");

    assertThat(result).isInstanceOf(ExecutionResult.Rows.class);
    ResultTable table = ((ExecutionResult.Rows) result).table();
    assertThat(table.rowCount()).isEqualTo(10_000);
    assertThat(table.truncated()).isTrue();
  }

  @Test
  void resultExactlyAtTheCapIsNotTruncated() {
    try (SandboxedExecutor small = new SandboxedExecutor(sandbox.database(), SandboxLimits.DEFAULT.withMaxRows(4))) {
      ResultTable table = ((ExecutionResult.Rows) small.execute("SELECT * FROM orders")).table();
      assertThat(table.rowCount()).isEqualTo(4);
      assertThat(table.truncated()).isFalse();
    }
  }

  @Test
  void missingTableFailsWithClearReason() {
    ExecutionResult result = sandbox.executor().executeBigQuery("SELECT * FROM `proj.shop.invoices`");

    assertThat(result).isInstanceOf(ExecutionResult.Failed.class);
    assertThat(((ExecutionResult.Failed) result).reason()).contains("Table with name invoices does not exist");
  }

  @Test
  void missingColumnFailsWithBinderError() {
    ExecutionResult result = sandbox.executor().execute("SELECT nope FROM orders");

    assertThat(result).isInstanceOf(ExecutionResult.Failed.class);
    assertThat(((ExecutionResult.Failed) result).reason()).contains("Binder Error").contains("nope");
  }

  @Test
  void valuesArePlainJavaTypes() {
    ExecutionResult result =
        sandbox.executor().execute("SELECT 1::INTEGER, 2::BIGINT, 1.5::DECIMAL(10,2), 2.5::DOUBLE, DATE '2024-01-02',"
            + " TIMESTAMP '2024-01-02 03:04:05', 'x', true, NULL, sum(id) FROM orders");

    List<Object> row = ((ExecutionResult.Rows) result).table().rows().get(0);
    assertThat(row)
        .containsExactly(1L, 2L, 1.5, 2.5, java.time.LocalDate.of(2024, 1, 2),
            java.time.LocalDateTime.of(2024, 1, 2, 3, 4, 5), "x", true, null, 10L);
  }

  @Test
  void untranslatableBigQueryIsReportedDistinctly() {
    assertThat(sandbox.executor().executeBigQuery("SELECT * FROM ML.PREDICT(MODEL `m`, (SELECT 1))"))
        .isInstanceOf(ExecutionResult.Unsupported.class);
    assertThat(sandbox.executor().executeBigQuery("SELEC oops")).isInstanceOf(ExecutionResult.Unparseable.class);
    assertThat(sandbox.executor().executeBigQuery("DELETE FROM `shop.orders` WHERE true"))
        .isInstanceOf(ExecutionResult.Rejected.class);
  }

  /** Regression: a file-reading table function was "unsupported" (for the judge, who might pass it), not refused. */
  @org.junit.jupiter.params.ParameterizedTest
  @ValueSource(strings = {"SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM read_parquet('x.parquet') t",
      "SELECT * FROM glob('*')", "SELECT n FROM (SELECT * FROM read_json_auto('/tmp/x.json')) AS n"})
  void fileReadingTableFunctionsInBigQueryTextAreRefusedNotUnsupported(String sql) {
    assertThat(sandbox.executor().executeBigQuery(sql)).isInstanceOf(ExecutionResult.Rejected.class)
        .extracting(r -> ((ExecutionResult.Rejected) r).reason()).asString().contains("is not allowed");
  }

  @Test
  void connectionStaysUsableAfterFailuresAndTimeouts() {
    sandbox.executor().execute("SELECT nope FROM orders");
    sandbox.executor().execute(
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r");

    assertThat(count("SELECT COUNT(*) FROM customers")).isEqualTo(2L);
  }

  @Test
  void concurrentQueriesFromSeveralThreads() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      List<Future<Object>> answers = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        int id = i % 4 + 1;
        answers.add(threads.submit(() -> first(sandbox.executor().executeBigQuery(
            "SELECT id * 10 FROM `p.shop.orders` WHERE id = " + id))));
      }
      for (int i = 0; i < answers.size(); i++) {
        assertThat(answers.get(i).get()).isEqualTo((long) (i % 4 + 1) * 10);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private Object count(String sql) {
    return first(sandbox.executor().execute(sql));
  }

  private static Object first(ExecutionResult result) {
    assertThat(result).isInstanceOf(ExecutionResult.Rows.class);
    return ((ExecutionResult.Rows) result).table().rows().get(0).get(0);
  }

  /** One statement per call: the driver closes a statement after it fails. */
  private static String tryExecute(java.sql.Connection connection, String sql) {
    try (java.sql.Statement statement = connection.createStatement()) {
      statement.execute(sql);
      return "executed";
    } catch (java.sql.SQLException e) {
      return e.getMessage();
    }
  }
}
