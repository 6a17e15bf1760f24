package dev.diaharness.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.core.InputException;
import dev.diaharness.emulator.EmulatorServer;
import dev.diaharness.llm.Budget;
import dev.diaharness.llm.BudgetExceededException;
import dev.diaharness.llm.PriceTable;
import dev.diaharness.llm.UsageLedger;
import dev.diaharness.sql.ExecutionResult;
import dev.diaharness.sql.SandboxedExecutor;
import dev.diaharness.sql.TableFolderLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --execute-on bigquery} through the official client against the emulator's BigQuery face. */
class BigQueryExecutionTest {
  static final Path CONFIG = Path.of("examples/ecommerce/baseline_config.json");
  static final String ORDERS_2023 =
      "SELECT COUNT(*) AS n FROM `ecommerce.orders` WHERE EXTRACT(YEAR FROM order_date) = 2023";
  static AgentConfig config;
  static EmulatorServer server;

  @BeforeAll
  static void start() {
    config = AgentConfigLoader.load(CONFIG);
    server = EmulatorServer.builder(config).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static BigQuerySettings settings(EmulatorServer s) {
    return BigQuerySettings.embedded(s.bigQueryUrl(), "test-project", config);
  }

  static BigQueryExecution execution(UsageLedger ledger, Optional<Budget> budget, long maxBytes, String run,
      EmulatorServer s) {
    BigQueryExecution e = new BigQueryExecution(maxBytes, 10_000, new BigQueryCosts(ledger, budget));
    BigQuerySettings settings = settings(s);
    e.bind(new BigQueryQueries(BigQueryClients.open(settings), settings), run);
    return e;
  }

  static UsageLedger ledger() {
    return new UsageLedger(PriceTable.fromEnvironment(name -> Optional.empty()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "INSERT INTO `ecommerce.orders` (order_id) VALUES (1)|INSERT",
      "DELETE FROM `ecommerce.orders` WHERE TRUE|DELETE",
      "UPDATE `ecommerce.orders` SET status = 'x' WHERE TRUE|UPDATE",
      "MERGE `ecommerce.orders` t USING `ecommerce.orders` s ON t.order_id = s.order_id WHEN MATCHED THEN DELETE|MERGE",
      "CREATE TABLE `ecommerce.copy` (x INT64)|CREATE_TABLE",
      "DROP TABLE `ecommerce.orders`|DROP_TABLE",
      "SELECT 1; SELECT 2|SCRIPT",
      "DECLARE x INT64 DEFAULT 1; SELECT x|SCRIPT",
      "BEGIN SELECT 1; END|SCRIPT"})
  void onlyASelectRunsEverythingElseIsRefusedByTheDryRunWithoutAJob(String sql, String type) {
    long runBefore = server.metrics().count("bigquery.statementsRun");
    long jobsBefore = server.metrics().count("bigquery.jobs.query");
    ExecutionResult result = execution(ledger(), Optional.empty(), 1_000_000_000L, "run_dml", server)
        .executeBigQuery(sql);
    assertThat(result).isInstanceOfSatisfying(ExecutionResult.Rejected.class, r -> assertThat(r.reason())
        .contains("classifies it as " + type).contains("not executed"));
    assertThat(server.metrics().count("bigquery.statementsRun")).isEqualTo(runBefore);
    assertThat(server.metrics().count("bigquery.jobs.query")).isEqualTo(jobsBefore);
  }

  @Test
  void aSelectRunsLabelledWithTheRunAndGivesTheLocalResultAndItsCost() throws Exception {
    UsageLedger ledger = ledger();
    ExecutionResult remote = execution(ledger, Optional.empty(), 1_000_000_000L, "run_20261204_120000", server)
        .executeBigQuery(ORDERS_2023);
    ExecutionResult local;
    try (var db = new TableFolderLoader().load(Path.of("examples/ecommerce/data"));
        SandboxedExecutor sandbox = new SandboxedExecutor(db)) {
      local = sandbox.executeBigQuery(ORDERS_2023);
    }
    assertThat(remote).isInstanceOf(ExecutionResult.Rows.class);
    assertThat(((ExecutionResult.Rows) remote).table().rows())
        .isEqualTo(((ExecutionResult.Rows) local).table().rows());
    assertThat(server.metrics().count("bigquery.jobsOfRun:run_20261204_120000")).isEqualTo(1);
    UsageLedger.BigQueryTotals spent = ledger.bigQuery();
    assertThat(spent.queries()).isEqualTo(1);
    assertThat(spent.bytesBilled()).isGreaterThanOrEqualTo(10L * 1024 * 1024);
    assertThat(spent.usd()).isEqualTo(BigQueryCosts.usd(spent.bytesBilled())).isPositive();
    assertThat(ledger.spentUsd()).isEqualTo(spent.usd());
  }

  @Test
  void aQueryOverMaxBytesBilledIsRefusedWithTheEstimateAndNotRun() {
    long before = server.metrics().count("bigquery.statementsRun");
    ExecutionResult result = execution(ledger(), Optional.empty(), 1, "run_cap", server).executeBigQuery(ORDERS_2023);
    assertThat(result).isInstanceOfSatisfying(ExecutionResult.Rejected.class, r -> assertThat(r.reason())
        .containsPattern("the dry run estimates \\d+ bytes").contains("over --max-bytes-billed 1"));
    assertThat(server.metrics().count("bigquery.statementsRun")).isEqualTo(before);
  }

  @Test
  void aSpentBudgetStopsTheQueryBeforeItRuns() {
    UsageLedger ledger = ledger();
    long before = server.metrics().count("bigquery.statementsRun");
    BigQueryExecution e = execution(ledger, Optional.of(new Budget(1e-9, ledger)), 1_000_000_000L, "run_b", server);
    assertThatThrownBy(() -> e.executeBigQuery(ORDERS_2023)).isInstanceOf(BudgetExceededException.class);
    assertThat(server.metrics().count("bigquery.statementsRun")).isEqualTo(before);
  }

  @Test
  void aBadQueryIsAFailureNamingTheProblemNotAnException() {
    ExecutionResult result = execution(ledger(), Optional.empty(), 1_000_000_000L, "run_bad", server)
        .executeBigQuery("SELECT no_such_column FROM `ecommerce.orders`");
    assertThat(result).isInstanceOfSatisfying(ExecutionResult.Failed.class,
        f -> assertThat(f.reason()).contains("no_such_column"));
  }

  @Test
  void expectedResultsAreCachedAcrossRunsUntilATableChanges(@TempDir Path temp) throws Exception {
    Path data = temp.resolve("data");
    Files.createDirectories(data);
    try (Stream<Path> files = Files.list(Path.of("examples/ecommerce/data"))) {
      for (Path f : files.toList()) {
        Files.copy(f, data.resolve(f.getFileName()));
      }
    }
    Path cacheDir = temp.resolve("cache");
    String sql = ORDERS_2023;
    try (EmulatorServer first = EmulatorServer.builder(config).dataFolder(data).start()) {
      ExpectedResultCache cache = new ExpectedResultCache(Optional.of(cacheDir));
      ExecutionResult a = execution(ledger(), Optional.empty(), 1_000_000_000L, "run_1", first)
          .forExpected(cache).executeBigQuery(sql);
      assertThat(cache.misses()).isEqualTo(1);
      ExpectedResultCache nextRun = new ExpectedResultCache(Optional.of(cacheDir));
      long ran = first.metrics().count("bigquery.statementsRun");
      ExecutionResult b = execution(ledger(), Optional.empty(), 1_000_000_000L, "run_2", first)
          .forExpected(nextRun).executeBigQuery(sql);
      assertThat(nextRun.hits()).isEqualTo(1);
      assertThat(first.metrics().count("bigquery.statementsRun")).isEqualTo(ran);
      assertThat(((ExecutionResult.Rows) b).table()).isEqualTo(((ExecutionResult.Rows) a).table());
    }
    Files.setLastModifiedTime(data.resolve("orders.csv"), FileTime.from(Instant.now().plusSeconds(60)));
    try (EmulatorServer changed = EmulatorServer.builder(config).dataFolder(data).start()) {
      ExpectedResultCache third = new ExpectedResultCache(Optional.of(cacheDir));
      execution(ledger(), Optional.empty(), 1_000_000_000L, "run_3", changed).forExpected(third)
          .executeBigQuery(sql);
      assertThat(third.misses()).isEqualTo(1);
      assertThat(changed.metrics().count("bigquery.statementsRun")).isEqualTo(1);
    }
  }

  @Test
  void a403NamesTheMissingRole() {
    try (EmulatorServer denied = EmulatorServer.builder(config).bigQueryDenied(true).start()) {
      BigQueryExecution e = execution(ledger(), Optional.empty(), 1_000_000_000L, "run_403", denied);
      assertThatThrownBy(() -> e.executeBigQuery(ORDERS_2023)).isInstanceOf(InputException.class)
          .hasMessageContaining("403").hasMessageContaining("roles/bigquery.jobUser");
    }
  }
}
