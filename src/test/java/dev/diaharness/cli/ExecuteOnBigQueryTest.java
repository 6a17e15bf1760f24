package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.core.Json;
import dev.diaharness.emulator.EmulatorServer;
import dev.diaharness.run.ItemKey;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.JournalReader;
import dev.diaharness.run.RunManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --execute-on bigquery} end to end: the official client against the emulator's BigQuery face. */
class ExecuteOnBigQueryTest {
  static final String CONFIG = "examples/ecommerce/baseline_config.json";
  static final String TRAIN = "examples/ecommerce/golden_set.json";

  @TempDir Path temp;

  @Test
  void evaluateOnBigQueryGivesTheSameVerdictForEveryItemAsOnTheLocalTables() throws Exception {
    Map<String, String> env = Map.of("DIA_BIGQUERY_CACHE", temp.resolve("cache").toString());
    CliRun local = CliTestSupport.runWithEnv(env, "", "evaluate", "--embedded", "--config-file", CONFIG,
        "--golden-set", TRAIN, "--num-repeats", "1", "--results-dir", temp.resolve("local").toString());
    CliRun remote = CliTestSupport.runWithEnv(env, "", "evaluate", "--embedded", "--config-file", CONFIG,
        "--golden-set", TRAIN, "--num-repeats", "1", "--results-dir", temp.resolve("bq").toString(),
        "--execute-on", "bigquery");
    assertThat(local.exitCode()).as(local.err()).isZero();
    assertThat(remote.exitCode()).as(remote.err()).isZero();

    Map<ItemKey, String> onLocal = statuses(temp.resolve("local"));
    Map<ItemKey, String> onBigQuery = statuses(temp.resolve("bq"));
    assertThat(onBigQuery).hasSize(onLocal.size()).isEqualTo(onLocal);
    assertThat(onBigQuery.values()).contains("EXEC_MISMATCH");
    assertThat(remote.out()).containsPattern("BigQuery: \\d+ queries, [0-9.]+ GB billed, \\$[0-9.]+")
        .contains("the 8 database variants run on the local tables");
    List<ItemResult> rows = JournalReader.readAll(onlyRun(temp.resolve("bq")).resolve("journal.jsonl"));
    assertThat(rows).filteredOn(r -> r.verdict().status().name().startsWith("EXEC"))
        .allSatisfy(r -> assertThat(r.verdict().evidence().summary()).contains("on BigQuery"));
    RunManifest manifest = Json.MAPPER.readValue(onlyRun(temp.resolve("bq")).resolve("run.json").toFile(),
        RunManifest.class);
    assertThat(manifest.flags()).containsEntry("execute_on", "bigquery").containsEntry("max_bytes_billed",
        "1000000000");
  }

  @Test
  void maxBytesBilledOneRefusesEveryQueryWithTheEstimateInTheEvidence() throws Exception {
    Path pairs = temp.resolve("pairs.jsonl");
    Files.writeString(pairs, """
        {"expected_sql": "SELECT COUNT(*) FROM `ecommerce.orders`", "generated_sql": "SELECT COUNT(1) FROM `ecommerce.orders`"}
        {"expected_sql": "SELECT name FROM `ecommerce.products` WHERE price > 100", "generated_sql": "SELECT name FROM `ecommerce.products`"}
        {"expected_sql": "SELECT region, COUNT(*) FROM `ecommerce.customers` GROUP BY region", "generated_sql": "SELECT 1"}
        """);
    try (EmulatorServer server = EmulatorServer.builder(AgentConfigLoader.load(Path.of(CONFIG))).start()) {
      long before = server.metrics().count("bigquery.jobs.get");
      CliRun run = CliTestSupport.runWithEnv(env(server), "", "score", "--pairs", pairs.toString(), "--json", "--exit-zero",
          "--config-file", CONFIG, "--execute-on", "bigquery", "--max-bytes-billed", "1");
      assertThat(run.exitCode()).as(run.err()).isZero();
      List<JsonNode> verdicts = run.out().lines().map(CliTestSupportJson::parse).toList();
      assertThat(verdicts).hasSize(3).allSatisfy(v -> {
        assertThat(v.get("status").asText()).isEqualTo("GOLD_ERROR");
        assertThat(v.get("evidence").get("summary").asText()).containsPattern("the dry run estimates \\d+ bytes")
            .contains("over --max-bytes-billed 1");
      });
      // a query that runs is a job the client reads back (jobs.get); none may run over --max-bytes-billed
      assertThat(server.metrics().count("bigquery.jobs.get")).isEqualTo(before);
    }
  }

  @Test
  void a403FromBigQueryIsExitTwoNamingTheMissingRole() throws Exception {
    try (EmulatorServer denied = EmulatorServer.builder(AgentConfigLoader.load(Path.of(CONFIG)))
        .bigQueryDenied(true).start()) {
      CliRun run = CliTestSupport.runWithEnv(env(denied), "", "score", "--expected",
          "SELECT COUNT(*) FROM `ecommerce.orders`", "--generated", "SELECT COUNT(1) FROM `ecommerce.orders`",
          "--config-file", CONFIG, "--execute-on", "bigquery");
      assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
      assertThat(run.err()).contains("BigQuery refused access (403)").contains("roles/bigquery.jobUser");
    }
  }

  private Map<String, String> env(EmulatorServer server) {
    return Map.of("DIA_BIGQUERY_ENDPOINT", server.bigQueryUrl(), "DIA_BIGQUERY_CACHE",
        temp.resolve("cache").toString());
  }

  private static Map<ItemKey, String> statuses(Path results) throws Exception {
    return JournalReader.readAll(onlyRun(results).resolve("journal.jsonl")).stream()
        .collect(Collectors.toMap(ItemResult::key, r -> r.verdict().status().name(), (a, b) -> b));
  }

  private static Path onlyRun(Path results) throws Exception {
    return EvaluateCommandTest.onlyRun(results);
  }

  /** One JSON line of the score output. */
  static final class CliTestSupportJson {
    static JsonNode parse(String line) {
      try {
        return Json.MAPPER.readTree(line);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + line, e);
      }
    }
  }
}
