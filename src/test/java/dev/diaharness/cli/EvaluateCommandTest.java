package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.core.Json;
import dev.diaharness.run.ItemKey;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.JournalReader;
import dev.diaharness.run.MetricsFile;
import dev.diaharness.run.RunManifest;
import dev.diaharness.run.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's evaluate command, in-process, against the embedded emulator over loopback HTTP. */
class EvaluateCommandTest {
  static final String CONFIG = "examples/ecommerce/baseline_config.json";
  static final String TRAIN = "examples/ecommerce/golden_set.json";
  static final String TEST = "examples/ecommerce/test_set.json";
  /** Questions in the example's sets, read from the files so a regenerated example does not break the tests. */
  static final int TRAIN_QUESTIONS = questionsIn(TRAIN);
  static final int TEST_QUESTIONS = questionsIn(TEST);

  static int questionsIn(String file) {
    try {
      return dev.diaharness.core.Json.MAPPER.readTree(java.nio.file.Path.of(file).toFile()).size();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @TempDir Path results;

  static Path onlyRun(Path results) throws Exception {
    try (Stream<Path> runs = Files.list(results)) {
      return runs.filter(p -> p.getFileName().toString().startsWith("run_")).findFirst().orElseThrow();
    }
  }

  @Test
  void embeddedEvaluationWritesEveryKeyOnceAndMetricsThatMatchTheRows() throws Exception {
    CliRun run = CliTestSupport.runWithEnv(Map.of(), "", "evaluate", "--embedded", "--config-file", CONFIG,
        "--golden-set", TRAIN, "--test-set", TEST, "--num-repeats", "2", "--results-dir", results.toString(),
        "--junit", results.resolve("junit.xml").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("train–test gap").contains("accuracy");
    Path dir = onlyRun(results);
    List<ItemResult> rows = JournalReader.readAll(dir.resolve("journal.jsonl"));
    Set<ItemKey> keys = new HashSet<>();
    rows.forEach(r -> assertThat(keys.add(r.key())).isTrue());
    long trainRows = rows.stream().filter(r -> r.key().split() == Split.TRAIN).count();
    long testRows = rows.stream().filter(r -> r.key().split() == Split.TEST).count();
    MetricsFile metrics = Json.MAPPER.readValue(dir.resolve("metrics.json").toFile(), MetricsFile.class);
    var train = metrics.iterations().get(0).train();
    assertThat(train.items()).isEqualTo(trainRows).isEqualTo(train.counts().questions() * 2L);
    assertThat(metrics.iterations().get(0).test().items()).isEqualTo(testRows);
    var test = metrics.iterations().get(0).test();
    assertThat(test.groups().byTag()).containsKeys("seen_shape", "new_shape", "avg_price_in_category");
    assertThat(test.groups().byTag().get("seen_shape").questions() + test.groups().byTag().get("new_shape").questions())
        .isEqualTo(test.counts().questions());
    assertThat(train.groups().byComplexity().keySet()).containsExactly("Simple", "Medium", "Complex");
    assertThat(run.out()).contains("weakest tags, test");
    assertThat(train.passed()).isEqualTo(rows.stream().filter(r -> r.key().split() == Split.TRAIN && r.passed()).count());
    assertThat(rows).allMatch(r -> r.timing().agentCalls() == 2, "question (new session via sessions/-) and SQL follow-up");
    RunManifest manifest = Json.MAPPER.readValue(dir.resolve("run.json").toFile(), RunManifest.class);
    assertThat(manifest.command()).isEqualTo("evaluate");
    assertThat(manifest.commandLine()).startsWith("dia-harness evaluate --embedded");
    assertThat(manifest.endReason()).isEqualTo("evaluated");
    assertThat(Files.readString(results.resolve("junit.xml"))).contains("<testsuite").contains("dia-harness.test");
  }

  @Test
  void minAccuracyAboveWhatTheAgentReachesFailsTheGateWithExitOne() {
    CliRun run = CliTestSupport.runWithEnv(Map.of(), "", "evaluate", "--embedded", "--config-file", CONFIG,
        "--golden-set", TRAIN, "--num-repeats", "1", "--results-dir", results.toString(), "--min-accuracy", "100.1");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.GATE_FAILED.code());
    assertThat(run.err()).contains("quality gate failed: training accuracy");
  }

  @Test
  void aMissingGoldenSetIsOneLineAndExitTwoBeforeAnythingIsWritten() throws Exception {
    CliRun run = CliTestSupport.runWithEnv(Map.of(), "", "evaluate", "--embedded", "--config-file", CONFIG,
        "--golden-set", "no/such/file.json", "--results-dir", results.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(run.err().strip().lines()).hasSize(1).first().asString().contains("no/such/file.json");
    try (Stream<Path> files = Files.list(results)) {
      assertThat(files).isEmpty();
    }
  }
}
