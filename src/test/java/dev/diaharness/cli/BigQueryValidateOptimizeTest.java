package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.emulator.EmulatorServer;
import dev.diaharness.optimize.FailureEntry;
import dev.diaharness.optimize.IterationRecord;
import dev.diaharness.run.ItemKey;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.JournalReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} and {@code optimize} with {@code --execute-on bigquery}: the official BigQuery client against the
 * emulator's BigQuery face (which serves the example's tables), compared with the same commands on the local tables.
 */
class BigQueryValidateOptimizeTest {
  static final String CONFIG = ExecuteOnBigQueryTest.CONFIG;

  @TempDir Path temp;

  @Test
  void validateOnBigQueryListsTheSameFailingExpectedSqlAsLocally() throws Exception {
    Path set = temp.resolve("set.json");
    Files.writeString(set, "["
        + "{\"question_id\": \"empty\", \"question\": \"Q1\", \"sql\": \"SELECT name FROM `ecommerce.products` WHERE price < 0\"},"
        + "{\"question_id\": \"dml\", \"question\": \"Q2\", \"sql\": \"DELETE FROM `ecommerce.products` WHERE TRUE\"},"
        + "{\"question_id\": \"fine\", \"question\": \"Q3\", \"sql\": \"SELECT COUNT(*) FROM `ecommerce.orders`\","
        + " \"alternatives\": [\"SELECT 1 FROM `ecommerce.nothing`\"]},"
        + "{\"question_id\": \"column\", \"question\": \"Q4\", \"sql\": \"SELECT nope FROM `ecommerce.customers`\"},"
        + "{\"question_id\": \"good\", \"question\": \"Q5\", \"sql\": \"SELECT region, COUNT(*) AS n FROM "
        + "`ecommerce.customers` GROUP BY region\"}]");
    CliRun local = CliTestSupport.run("validate", "--config-file", CONFIG, "--golden-set", set.toString());
    CliRun remote;
    try (EmulatorServer server = EmulatorServer.builder(AgentConfigLoader.load(Path.of(CONFIG))).start()) {
      long before = server.metrics().count("bigquery.jobs.get");
      remote = CliTestSupport.runWithEnv(Map.of("DIA_BIGQUERY_ENDPOINT", server.bigQueryUrl(), "DIA_BIGQUERY_CACHE",
          temp.resolve("cache").toString()), "", "validate", "--config-file", CONFIG, "--golden-set", set.toString(),
          "--execute-on", "bigquery");
      // each query that runs is a job whose statistics the client reads once (jobs.get); the dry run refuses the
      // DELETE and already fails on the missing table and column: only the three valid queries run
      assertThat(server.metrics().count("bigquery.jobs.get") - before).isEqualTo(3);
    }
    assertThat(local.exitCode()).as(local.err()).isEqualTo(ExitCode.GATE_FAILED.code());
    assertThat(remote.exitCode()).as(remote.err()).isEqualTo(ExitCode.GATE_FAILED.code());
    assertThat(local.out()).contains("expected SQL on the local data: 2 of 6 queries run and return rows");
    assertThat(remote.out()).contains("expected SQL on BigQuery: 2 of 6 queries run and return rows")
        .containsPattern("BigQuery: \\d+ queries, [0-9.]+ GB billed");
    assertThat(failing(remote.out())).isEqualTo(failing(local.out())).containsExactly(
        "golden set empty 'Q1'", "golden set dml 'Q2'", "golden set fine (alternative 1) 'Q3'",
        "golden set column 'Q4'");
    assertThat(remote.out()).contains("FAILS golden set empty 'Q1': returns no rows")
        .containsPattern("FAILS golden set dml 'Q2': .*DELETE");
    assertThat(remote.err()).contains("validate: 4 expected SQL queries fail or return no rows on BigQuery");
  }

  @Test
  void optimizeOnBigQueryGivesEveryIterationTheVerdictsOfTheLocalRun() throws Exception {
    Map<String, String> env = Map.of("DIA_BIGQUERY_CACHE", temp.resolve("cache").toString());
    CliRun local = optimize(env, "local");
    CliRun remote = optimize(env, "bigquery");
    assertThat(local.exitCode()).as(local.out() + local.err()).isZero();
    assertThat(remote.exitCode()).as(remote.out() + remote.err()).isZero();
    assertThat(remote.out()).containsPattern("BigQuery: \\d+ queries, [0-9.]+ GB billed");

    Path localRun = OptimizeResumeAfterKillTest.runDir(temp.resolve("local"));
    Path remoteRun = OptimizeResumeAfterKillTest.runDir(temp.resolve("bigquery"));
    Map<ItemKey, String> onLocal = statuses(localRun);
    Map<ItemKey, String> onBigQuery = statuses(remoteRun);
    assertThat(onLocal.keySet().stream().map(ItemKey::iteration).distinct()).hasSize(2);
    assertThat(onBigQuery).isEqualTo(onLocal);
    assertThat(onBigQuery.values()).contains("EXEC_MISMATCH", "EXACT");
    List<IterationRecord> localIterations = OptimizeResumeAfterKillTest.trajectory(localRun).iterations();
    List<IterationRecord> remoteIterations = OptimizeResumeAfterKillTest.trajectory(remoteRun).iterations();
    assertThat(remoteIterations).hasSameSizeAs(localIterations);
    for (int i = 0; i < localIterations.size(); i++) {
      assertThat(remoteIterations.get(i).config().hash()).isEqualTo(localIterations.get(i).config().hash());
      assertThat(remoteIterations.get(i).results().failures()).extracting(FailureEntry::questionId)
          .isEqualTo(localIterations.get(i).results().failures().stream().map(FailureEntry::questionId).toList());
    }
    List<ItemResult> rows = JournalReader.readAll(remoteRun.resolve("journal.jsonl"));
    assertThat(rows).filteredOn(r -> r.verdict().status().name().equals("EXEC_MISMATCH"))
        .allSatisfy(r -> assertThat(r.verdict().evidence().summary()).contains("on BigQuery"));
  }

  private CliRun optimize(Map<String, String> env, String executeOn) {
    return CliTestSupport.runWithEnv(env, "", "optimize", "--embedded", "--config-file", CONFIG,
        "--golden-set", EvaluateCommandTest.TRAIN, "--test-set", EvaluateCommandTest.TEST, "--num-repeats", "1",
        "--max-iterations", "2", "--auto-accept", "--optimizer", "examples", "--emulator-temperature", "0",
        "--execute-on", executeOn, "--results-dir", temp.resolve(executeOn).toString());
  }

  /** The questions listed as failing, without the reason (DuckDB and BigQuery word their errors differently). */
  private static List<String> failing(String out) {
    return out.lines().filter(l -> l.startsWith("  FAILS ")).map(l -> l.substring("  FAILS ".length(),
        l.indexOf("': ") + 1)).toList();
  }

  private static Map<ItemKey, String> statuses(Path run) throws Exception {
    return JournalReader.readAll(run.resolve("journal.jsonl")).stream()
        .collect(Collectors.toMap(ItemResult::key, r -> r.verdict().status().name(), (a, b) -> b));
  }
}
