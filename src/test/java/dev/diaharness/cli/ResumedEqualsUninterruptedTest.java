package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.core.Json;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.JournalReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resumed = uninterrupted: {@code optimize} against the embedded emulator at a temperature where repeats disagree,
 * killed (SIGKILL) at several points of different iterations and resumed with {@code --resume RUN_DIR} alone, ends
 * with exactly the rows, proposals, trajectory and best config of the same run never interrupted. Only timings
 * (latencies, timestamps) may differ.
 */
class ResumedEqualsUninterruptedTest {
  static final int ITERATIONS = 3;
  static final int ITEMS_PER_ITERATION = OptimizeResumeAfterKillTest.ITEMS_PER_ITERATION * 2;

  @TempDir Path work;
  @TempDir static Path shared;
  private static Path reference;

  static List<String> args(Path results) {
    List<String> args = new ArrayList<>(OptimizeResumeAfterKillTest.optimizeArgs(results, ITERATIONS,
        "--max-workers", "3", "--seed", "11"));
    args.set(args.indexOf("--num-repeats") + 1, "2");
    args.set(args.indexOf("--emulator-temperature") + 1, "0.3"); // repeats really disagree at this temperature
    return args;
  }

  /** The same run, never interrupted: made once for every kill point. */
  static synchronized Path uninterrupted() {
    if (reference != null) {
      return reference;
    }
    Path results = shared.resolve("reference");
    CliRun run = CliTestSupport.runWithEnv(Map.of(), "", args(results).toArray(String[]::new));
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    reference = OptimizeResumeAfterKillTest.runDir(results);
    return reference;
  }

  @ParameterizedTest(name = "killed in iteration {0} after {1} rows")
  @CsvSource({"1, 20", "2, 1", "3, 50"})
  void aRunKilledAndResumedEndsAsTheUninterruptedOne(int iteration, int rows) throws Exception {
    Path reference = uninterrupted();
    Path results = Files.createDirectories(work.resolve("killed"));
    List<String> withLatency = args(results);
    withLatency.addAll(List.of("--emulator-latency-ms", "30:20")); // answers arrive in another order each time
    KilledProcess.runAndKill(work, Map.of(), () -> KilledProcess.lines(OptimizeResumeAfterKillTest.runDir(results)
            .resolve("iterations/" + iteration + "/eval_train.jsonl")) >= rows,
        Duration.ofSeconds(180), withLatency.toArray(String[]::new));
    Path run = OptimizeResumeAfterKillTest.runDir(results);
    assertThat(JournalReader.readAll(run.resolve("journal.jsonl"))).as("killed before the end")
        .hasSizeLessThan(ITERATIONS * ITEMS_PER_ITERATION);

    CliRun resumed = CliTestSupport.runWithEnv(Map.of(), "", "optimize", "--resume", run.toString());

    assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
    assertThat(rowsByKey(run)).isEqualTo(rowsByKey(reference));
    assertThat(scrubbed(trajectory(run))).isEqualTo(scrubbed(trajectory(reference)));
    for (int i = 1; i <= ITERATIONS; i++) {
      assertThat(configFile(run, "config_iteration_" + i + ".json"))
          .isEqualTo(configFile(reference, "config_iteration_" + i + ".json"));
    }
    assertThat(configFile(run, "best_config.json")).isEqualTo(configFile(reference, "best_config.json"));
    assertThat(trajectory(run).path("best_iteration")).isEqualTo(trajectory(reference).path("best_iteration"));
  }

  /** Each key's row as JSON without its timings, by key. */
  static Map<String, JsonNode> rowsByKey(Path run) {
    Map<String, JsonNode> rows = new TreeMap<>();
    for (ItemResult r : JournalReader.readAll(run.resolve("journal.jsonl"))) {
      rows.put(r.key().toString(), scrubbed(Json.MAPPER.valueToTree(r)));
    }
    return rows;
  }

  static JsonNode trajectory(Path run) throws Exception {
    return Json.MAPPER.readTree(OptimizeResumeAfterKillTest.trajectoryFile(run).toFile());
  }

  static String configFile(Path run, String name) throws Exception {
    return Files.readString(run.resolve("configs").resolve(name));
  }

  private static final Pattern TIMING = Pattern.compile(
      "timestamp|.*_time|latency.*|.*latency|p50.*|p95.*|.*_ms|run_id|command_line|tokens");

  /** A copy without the fields that are timings or name the run folder. */
  static JsonNode scrubbed(JsonNode node) {
    JsonNode copy = node.deepCopy();
    scrub(copy);
    return copy;
  }

  private static void scrub(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
        if (TIMING.matcher(names.next()).matches()) {
          names.remove();
        }
      }
      object.forEach(ResumedEqualsUninterruptedTest::scrub);
    } else if (node instanceof ArrayNode array) {
      array.forEach(ResumedEqualsUninterruptedTest::scrub);
    }
  }
}
