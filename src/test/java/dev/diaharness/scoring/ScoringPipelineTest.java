package dev.diaharness.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.sql.BigQueryExecutor;
import dev.diaharness.sql.DatabaseVariants;
import dev.diaharness.sql.EmbeddedDatabase;
import dev.diaharness.sql.ExecutionResult;
import dev.diaharness.sql.SandboxLimits;
import dev.diaharness.sql.SandboxedExecutor;
import dev.diaharness.sql.TableFolderLoader;
import dev.diaharness.sql.VariantDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stage order of the scoring pipeline (SPEC §4) on the e-commerce example data: which stage decides, and that
 * nothing after it runs. The executor and the judge are the real sandbox and a recording judge stage.
 */
class ScoringPipelineTest {
  private static final Path DATA = Path.of("examples", "ecommerce", "data");
  /** Statuses no stage of this pipeline produces, and who does. */
  private static final Map<Status, String> PRODUCED_ELSEWHERE = Map.of(
      Status.AGENT_ERROR, "run.ItemScorer, when the agent call failed (the answer never reaches the pipeline)",
      Status.JUDGED, "llm.LlmJudge through llm.JudgeStage, the last stage when a judge model is configured");

  static EmbeddedDatabase database;
  static DatabaseVariants variants;
  static SandboxedExecutor sandbox;
  static SandboxedExecutor quickSandbox;
  static EmbeddedDatabase slowDatabase;

  @BeforeAll
  static void load() {
    database = new TableFolderLoader().load(DATA);
    variants = new DatabaseVariants(database, 3, 42L);
    sandbox = new SandboxedExecutor(database);
    slowDatabase = new TableFolderLoader().load(DATA);
    // the limit covers parsing and planning too: long enough for a plain query on a loaded machine
    quickSandbox = new SandboxedExecutor(slowDatabase, SandboxLimits.DEFAULT.withTimeout(Duration.ofSeconds(1)));
  }

  @AfterAll
  static void close() throws Exception {
    VARIANT_SANDBOXES.values().forEach(SandboxedExecutor::close);
    sandbox.close();
    quickSandbox.close();
    variants.close();
    database.close();
    slowDatabase.close();
  }

  /** A pipeline of the real stages, counting executor calls, with an optional recording judge last. */
  private static final class Setup {
    final AtomicInteger executions = new AtomicInteger();
    final List<ScoringInput> judged = new ArrayList<>();
    final Scorer scorer;

    Setup(BigQueryExecutor executor, boolean withJudge) {
      BigQueryExecutor counting = sql -> {
        executions.incrementAndGet();
        return executor.executeBigQuery(sql);
      };
      VariantExecutors onVariants = new VariantExecutors() {
        @Override
        public List<Variant> variantsFor(String expected, String generated) {
          return variants.variantsFor(expected, generated).stream()
              .map(v -> new VariantExecutors.Variant(v.description(), sqlOn(v)))
              .toList();
        }

        @Override
        public Optional<Variant> shuffled() {
          VariantDatabase v = variants.shuffled();
          return Optional.of(new Variant(v.description(), sqlOn(v)));
        }
      };
      List<ScoringStage> stages = new ArrayList<>(List.of(new NoSqlStage(), new ExactMatchStage(),
          new ExecutionStage(counting, onVariants)));
      if (withJudge) {
        stages.add(input -> {
          judged.add(input);
          return Optional.of(Verdict.of(Outcome.PASS, Status.JUDGED, CategoryScores.FULL, Evidence.of("judge")));
        });
      }
      scorer = new ScoringPipeline(stages);
    }

    Verdict score(String expected, String generated) {
      Verdict v = scorer.score(new ScoringInput(GoldenCase.of("q", "question", expected),
          Optional.ofNullable(generated), "", "", "schema"));
      return v;
    }
  }

  private static BigQueryExecutor sqlOn(VariantDatabase v) {
    return VARIANT_SANDBOXES.computeIfAbsent(v, x -> new SandboxedExecutor(x.database()));
  }

  private static final Map<VariantDatabase, SandboxedExecutor> VARIANT_SANDBOXES =
      Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      // case | expected | generated | outcome | status | executions (0 = decided before execution)
      "no SQL at all | SELECT 1 | NULL | FAIL | NO_SQL | 0",
      "blank SQL | SELECT 1 | '   ' | FAIL | NO_SQL | 0",
      "same SQL written differently | SELECT COUNT(*) FROM `ecommerce.orders` | select  count(*) from orders; "
          + "| PASS | EXACT | 0",
      "equivalent rewrite | SELECT COUNT(*) FROM `ecommerce.orders` WHERE status IN ('cancelled', 'returned') "
          + "| SELECT COUNT(*) FROM `ecommerce.orders` WHERE status = 'returned' OR status = 'cancelled' "
          + "| PASS | EXEC_EQUIVALENT | 2",
      "different rows on the data | SELECT COUNT(*) FROM `ecommerce.orders` "
          + "| SELECT COUNT(*) FROM `ecommerce.customers` | FAIL | EXEC_MISMATCH | 2",
      "same on the data, not on a variant | SELECT COUNT(*) FROM `ecommerce.orders` WHERE status = 'cancelled' "
          + "| SELECT COUNT(*) FROM `ecommerce.orders` WHERE status IN ('cancelled', 'refunded') "
          + "| FAIL | COUNTEREXAMPLE | 2",
      "expected SQL on a missing table | SELECT COUNT(*) FROM `ecommerce.invoices` | SELECT 1 | ERROR | GOLD_ERROR | 1",
      "expected SQL does not parse | SELEKT 1 | SELECT 1 | ERROR | GOLD_ERROR | 1",
      "DML | SELECT COUNT(*) FROM `ecommerce.orders` | DELETE FROM `ecommerce.orders` WHERE TRUE | FAIL | PRED_ERROR | 2",
      "DDL | SELECT COUNT(*) FROM `ecommerce.orders` | DROP TABLE orders | FAIL | PRED_ERROR | 2",
      "two statements | SELECT COUNT(*) FROM `ecommerce.orders` "
          + "| SELECT COUNT(*) FROM `ecommerce.orders`; SELECT 1 | FAIL | PRED_ERROR | 2",
      "file read | SELECT COUNT(*) FROM `ecommerce.orders` | SELECT * FROM read_csv('/etc/passwd') "
          + "| FAIL | PRED_ERROR | 2",
      "file as a table | SELECT COUNT(*) FROM `ecommerce.orders` | SELECT * FROM '/etc/passwd' | FAIL | PRED_ERROR | 2",
      "unparseable generated SQL | SELECT COUNT(*) FROM `ecommerce.orders` | SELECT COUNT(* FROM orders "
          + "| FAIL | PRED_ERROR | 2",
      "missing column | SELECT COUNT(*) FROM `ecommerce.orders` | SELECT SUM(nope) FROM `ecommerce.orders` "
          + "| FAIL | PRED_ERROR | 2",
      "unsupported construct, no judge | SELECT COUNT(*) FROM `ecommerce.orders` "
          + "| SELECT ST_GEOGPOINT(1, 2) | UNDECIDED | UNSUPPORTED | 2"})
  void theFirstStageThatDecidesEndsIt(String name, String expected, String generated, Outcome outcome,
      Status status, int executions) {
    Setup setup = new Setup(sandbox, false);
    Verdict v = setup.score(expected, generated);
    assertThat(v.outcome()).as(name + ": " + v.evidence().summary()).isEqualTo(outcome);
    assertThat(v.status()).as(name).isEqualTo(status);
    assertThat(setup.executions.get()).as(name + ": executions on the base data").isEqualTo(executions);
    assertThat(v.evidence().summary()).isNotBlank();
    if (outcome == Outcome.PASS) {
      assertThat(v.score()).isEqualTo(100);
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "no SQL never reaches a judge | SELECT 1 | NULL | NO_SQL",
      "exact match never reaches a judge | SELECT 1 | select 1 | EXACT",
      "decided by execution, no judge | SELECT COUNT(*) FROM `ecommerce.orders` "
          + "| SELECT COUNT(*) FROM `ecommerce.customers` | EXEC_MISMATCH",
      "a golden-set error is not the judge's to decide | SELECT x FROM `ecommerce.nothing` | SELECT 1 | GOLD_ERROR",
      "unsupported goes to the judge | SELECT COUNT(*) FROM `ecommerce.orders` | SELECT ST_GEOGPOINT(1, 2) | JUDGED"})
  void theJudgeIsAskedOnlyWhatExecutionCannotDecide(String name, String expected, String generated, Status status) {
    Setup setup = new Setup(sandbox, true);
    Verdict v = setup.score(expected, generated);
    assertThat(v.status()).as(name).isEqualTo(status);
    assertThat(setup.judged).as(name).hasSize(status == Status.JUDGED ? 1 : 0);
  }

  @Test
  void aQueryPastTheTimeLimitIsAPredErrorAndTheNextQueryStillRuns() {
    Setup setup = new Setup(quickSandbox, false);
    Verdict v = setup.score("SELECT COUNT(*) FROM `ecommerce.orders`",
        "SELECT COUNT(*) FROM `ecommerce.order_items` a, `ecommerce.order_items` b, `ecommerce.order_items` c");
    assertThat(v.status()).isEqualTo(Status.PRED_ERROR);
    assertThat(v.evidence().summary()).contains("time limit of 1000 ms");
    assertThat(v.evidence().details()).containsEntry("kind", "TIMEDOUT");
    assertThat(setup.score("SELECT COUNT(*) FROM `ecommerce.orders`", "SELECT COUNT(1) FROM `ecommerce.orders`")
        .status()).isEqualTo(Status.EXEC_EQUIVALENT);
  }

  /** A function without a faithful translation is never run with DuckDB's meaning, and the verdict names it. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT INITCAP(name) FROM `ecommerce.customers`   | INITCAP",
      "SELECT STRFTIME(order_date, '%Y') FROM `ecommerce.orders` | STRFTIME",
      "SELECT ARRAY_AGG(status) FROM `ecommerce.orders`  | ARRAY_AGG",
  })
  void anUntranslatableFunctionIsUnsupportedWithItsName(String generated, String function) {
    Setup setup = new Setup(sandbox, false);
    Verdict v = setup.score("SELECT COUNT(*) FROM `ecommerce.orders`", generated);
    assertThat(v.status()).isEqualTo(Status.UNSUPPORTED);
    assertThat(v.evidence().summary()).contains("the generated SQL uses " + function);
  }

  /** DuckDB computes this constant while planning, for seconds: the limit must cover planning too. */
  @Test
  void aQueryWhosePlanningIsPastTheTimeLimitIsAPredErrorNamingTheLimit() {
    Setup setup = new Setup(quickSandbox, false);
    Verdict v = setup.score("SELECT COUNT(*) FROM `ecommerce.orders`",
        "SELECT COUNT(*) + EDIT_DISTANCE(REPEAT('ab', 15000), REPEAT('ba', 15000)) FROM `ecommerce.orders`");
    assertThat(v.status()).isEqualTo(Status.PRED_ERROR);
    assertThat(v.evidence().summary()).contains("time limit of 1000 ms");
  }

  @Test
  void refusedStatementsLeaveTheDatabaseUnchanged() {
    Setup setup = new Setup(sandbox, false);
    ExecutionResult before = sandbox.executeBigQuery("SELECT COUNT(*) FROM `ecommerce.orders`");
    for (String attack : List.of("DELETE FROM `ecommerce.orders` WHERE TRUE", "DROP TABLE orders",
        "SELECT 1; DELETE FROM orders", "UPDATE orders SET status = 'x' WHERE TRUE",
        "CREATE TABLE orders2 AS SELECT * FROM orders")) {
      assertThat(setup.score("SELECT 1 AS one", attack).status()).as(attack).isEqualTo(Status.PRED_ERROR);
    }
    assertThat(sandbox.executeBigQuery("SELECT COUNT(*) FROM `ecommerce.orders`")).isEqualTo(before);
    assertThat(database.tables()).containsOnlyKeys("customers", "order_items", "orders", "products");
  }

  @Test
  void everyStatusIsProducedByAStageOrDocumentedAsProducedElsewhere() {
    String orders = "SELECT COUNT(*) FROM `ecommerce.orders`";
    Map<Status, String[]> oneEach = new java.util.EnumMap<>(Status.class);
    oneEach.put(Status.NO_SQL, new String[] {orders, null});
    oneEach.put(Status.EXACT, new String[] {orders, "select count(*) from orders"});
    oneEach.put(Status.EXEC_EQUIVALENT, new String[] {orders, "SELECT COUNT(1) FROM `ecommerce.orders`"});
    oneEach.put(Status.EXEC_MISMATCH, new String[] {orders, "SELECT COUNT(*) FROM `ecommerce.products`"});
    oneEach.put(Status.COUNTEREXAMPLE, new String[] {"SELECT COUNT(*) FROM `ecommerce.orders` WHERE status = "
        + "'cancelled'", "SELECT COUNT(*) FROM `ecommerce.orders` WHERE status IN ('cancelled', 'refunded')"});
    oneEach.put(Status.PRED_ERROR, new String[] {orders, "DELETE FROM orders WHERE TRUE"});
    oneEach.put(Status.GOLD_ERROR, new String[] {"SELECT COUNT(*) FROM `ecommerce.refunds`", orders});
    oneEach.put(Status.UNSUPPORTED, new String[] {orders, "SELECT ST_GEOGPOINT(1, 2)"});
    oneEach.put(Status.UNSTABLE, new String[] {"SELECT MIN(order_id) FROM `ecommerce.orders`",
        "SELECT order_id FROM `ecommerce.orders` LIMIT 1"});
    oneEach.put(Status.INCONCLUSIVE, new String[] {"SELECT order_id FROM `ecommerce.orders` WHERE 1 = 0",
        "SELECT order_id FROM `ecommerce.orders` WHERE FALSE"});
    Setup setup = new Setup(sandbox, false);
    oneEach.forEach((status, pair) -> assertThat(setup.score(pair[0], pair[1]).status()).isEqualTo(status));

    Set<Status> accounted = EnumSet.copyOf(oneEach.keySet());
    accounted.addAll(PRODUCED_ELSEWHERE.keySet());
    assertThat(accounted).as("every status is produced by a stage here, or documented as produced elsewhere")
        .isEqualTo(EnumSet.allOf(Status.class));
    assertThat(Collections.disjoint(oneEach.keySet(), PRODUCED_ELSEWHERE.keySet())).isTrue();
  }
}
