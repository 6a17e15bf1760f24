package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.config.ConfigHash;
import dev.diaharness.core.Json;
import dev.diaharness.optimize.ConfigSnapshot;
import dev.diaharness.optimize.IterationRecord;
import dev.diaharness.optimize.Trajectory;
import dev.diaharness.run.ItemKey;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.JournalReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code optimize --resume} after a crash: killed with SIGKILL in the middle of an iteration's evaluation, and
 * crashed in the middle of a proposal. The iterations end up complete, each (iteration, split, question, repeat)
 * once, the finished items are not asked again, and a finished proposal is re-used rather than made again.
 */
class OptimizeResumeAfterKillTest {
  /** one repeat of the shipped example's training and test sets */
  static final int ITEMS_PER_ITERATION =
      dev.diaharness.dataset.GoldenSetLoader.load(java.nio.file.Path.of(EvaluateCommandTest.TRAIN)).cases().size()
          + dev.diaharness.dataset.GoldenSetLoader.load(java.nio.file.Path.of(EvaluateCommandTest.TEST)).cases().size();

  @TempDir Path work;

  static List<String> optimizeArgs(Path results, int maxIterations, String... extra) {
    List<String> args = new ArrayList<>(List.of("optimize", "--embedded",
        "--config-file", EvaluateResumeAfterKillTest.config().toString(),
        "--golden-set", Path.of(EvaluateCommandTest.TRAIN).toAbsolutePath().toString(),
        "--test-set", Path.of(EvaluateCommandTest.TEST).toAbsolutePath().toString(),
        "--num-repeats", "1", "--max-iterations", Integer.toString(maxIterations), "--auto-accept",
        "--optimizer", "examples", "--emulator-temperature", "0", "--results-dir", results.toString()));
    args.addAll(List.of(extra));
    return args;
  }

  static Path runDir(Path results) {
    try (Stream<Path> runs = Files.list(results)) {
      return runs.filter(p -> p.getFileName().toString().startsWith("run_")).findFirst()
          .orElse(results.resolve("none"));
    } catch (java.io.IOException e) {
      return results.resolve("none");
    }
  }

  static Path trajectoryFile(Path run) throws Exception {
    try (Stream<Path> files = Files.list(run)) {
      return files.filter(p -> p.getFileName().toString().startsWith("trajectory_history_")).findFirst()
          .orElseThrow();
    }
  }

  static Trajectory trajectory(Path run) throws Exception {
    return Json.MAPPER.readValue(trajectoryFile(run).toFile(), Trajectory.class);
  }

  static String configHash(Path run, String file) {
    return ConfigHash.of(AgentConfigLoader.load(run.resolve("configs").resolve(file)));
  }

  /** Every key once, and exactly the items of {@code iterations} iterations. */
  static void assertEveryKeyOnce(List<ItemResult> rows, int iterations) {
    Set<ItemKey> keys = new HashSet<>();
    rows.forEach(r -> assertThat(keys.add(r.key())).as("asked twice: %s", r.key()).isTrue());
    assertThat(rows).hasSize(iterations * ITEMS_PER_ITERATION);
    for (int i = 1; i <= iterations; i++) {
      int iteration = i;
      assertThat(rows.stream().filter(r -> r.key().iteration() == iteration)).hasSize(ITEMS_PER_ITERATION);
    }
  }

  /** The records must each hold the config written as evaluated, and follow the proposals. */
  static void assertRecordsChain(Path run, List<IterationRecord> records) {
    for (IterationRecord r : records) {
      assertThat(r.config().hash()).isEqualTo(configHash(run, "config_iteration_" + r.iteration() + ".json"));
      if (r.iteration() > 1) {
        assertThat(r.config().hash())
            .isEqualTo(records.get(r.iteration() - 2).suggested().orElseThrow().hash());
      }
    }
  }

  @Test
  void killedInTheMiddleOfAnEvaluationItResumesThatIterationAndReusesTheProposalBeforeIt() throws Exception {
    Path results = Files.createDirectories(work.resolve("results"));
    KilledProcess.runAndKill(work, Map.of(),
        () -> KilledProcess.lines(runDir(results).resolve("iterations/2/eval_train.jsonl")) >= 5,
        Duration.ofSeconds(120), optimizeArgs(results, 3, "--max-workers", "2", "--emulator-latency-ms", "40:10")
            .toArray(String[]::new));
    Path run = runDir(results);
    Trajectory before = trajectory(run);
    assertThat(before.iterations()).as("killed during iteration 2").extracting(IterationRecord::iteration)
        .containsExactly(1);
    IterationRecord firstBefore = before.iterations().get(0);
    assertThat(firstBefore.suggested().map(ConfigSnapshot::hash))
        .hasValue(configHash(run, "config_iteration_2.json"));
    List<ItemResult> rowsBefore = JournalReader.readAll(run.resolve("journal.jsonl"));
    List<ItemResult> secondBefore = rowsBefore.stream().filter(r -> r.key().iteration() == 2).toList();
    assertThat(secondBefore).as("part of iteration 2 was finished").isNotEmpty()
        .hasSizeLessThan(ITEMS_PER_ITERATION);

    List<String> resume = optimizeArgs(results, 3, "--resume", run.toString());
    CliRun resumed = CliTestSupport.runWithEnv(Map.of(), "", resume.toArray(String[]::new));

    assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
    assertThat(resumed.out()).contains("ended: reached --max-iterations 3");
    Trajectory after = trajectory(run);
    assertThat(after.iterations()).extracting(IterationRecord::iteration).containsExactly(1, 2, 3);
    assertThat(after.bestDeployed()).isTrue();
    // iteration 1 and its proposal were finished: kept as they were, not made again
    assertThat((JsonNode) Json.MAPPER.valueToTree(after.iterations().get(0)))
        .isEqualTo((JsonNode) Json.MAPPER.valueToTree(firstBefore));
    assertRecordsChain(run, after.iterations());
    List<ItemResult> rows = JournalReader.readAll(run.resolve("journal.jsonl"));
    assertEveryKeyOnce(rows, 3);
    assertThat(rows.subList(0, rowsBefore.size())).as("rows from before the kill are kept").isEqualTo(rowsBefore);
  }

  /**
   * The proposal of the examples optimizer takes microseconds, too short a window to hit with a kill, so the crash
   * is made on disk: a finished two-iteration run is turned into exactly what a crash while proposing from
   * iteration 2 leaves — iteration 2's record without its proposal fields, no {@code config_iteration_2_suggested}
   * file, no end of run (no best config, no end reason) — and then resumed with a larger {@code --max-iterations}.
   */
  @Test
  void crashedInTheMiddleOfAProposalItProposesAgainWithoutAskingTheAgentAgain() throws Exception {
    Path results = Files.createDirectories(work.resolve("results"));
    CliRun first = CliTestSupport.runWithEnv(Map.of(), "", optimizeArgs(results, 2).toArray(String[]::new));
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    Path run = runDir(results);
    crashWhileProposingFromLastIteration(run);
    List<ItemResult> rowsBefore = JournalReader.readAll(run.resolve("journal.jsonl"));
    assertEveryKeyOnce(rowsBefore, 2);
    Trajectory before = trajectory(run);

    List<String> resume = optimizeArgs(results, 3, "--resume", run.toString());
    CliRun resumed = CliTestSupport.runWithEnv(Map.of(), "", resume.toArray(String[]::new));

    assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
    Trajectory after = trajectory(run);
    assertThat(after.iterations()).extracting(IterationRecord::iteration).containsExactly(1, 2, 3);
    assertThat((JsonNode) Json.MAPPER.valueToTree(after.iterations().get(0)))
        .isEqualTo((JsonNode) Json.MAPPER.valueToTree(before.iterations().get(0)));
    IterationRecord second = after.iterations().get(1);
    assertThat(second.suggested().map(ConfigSnapshot::hash)).as("the interrupted proposal was made")
        .hasValue(configHash(run, "config_iteration_2_suggested.json"));
    assertThat(second.results().metrics().get("train"))
        .isEqualTo(before.iterations().get(1).results().metrics().get("train"));
    assertRecordsChain(run, after.iterations());
    List<ItemResult> rows = JournalReader.readAll(run.resolve("journal.jsonl"));
    // iteration 2 was re-evaluated from the journal alone: no new row for it, only iteration 3's
    assertEveryKeyOnce(rows, 3);
    assertThat(rows.subList(0, rowsBefore.size())).isEqualTo(rowsBefore);
    assertThat(Files.exists(run.resolve("configs/best_config.json"))).isTrue();
    assertThat(after.endReason()).isEqualTo("reached --max-iterations 3");
  }

  /** Rewrites the run folder into the state a crash between "record iteration i" and "suggested_i written" leaves. */
  static void crashWhileProposingFromLastIteration(Path run) throws Exception {
    Path file = trajectoryFile(run);
    ObjectNode trajectory = (ObjectNode) Json.MAPPER.readTree(file.toFile());
    JsonNode iterations = trajectory.get("iterations");
    ObjectNode last = (ObjectNode) iterations.get(iterations.size() - 1);
    for (String field : List.of("suggested_configuration", "suggested_config_hash", "proposal_summary", "action",
        "rollback_to_iteration")) {
      last.putNull(field);
    }
    last.put("config_approved", false);
    last.putArray("prompt_changes");
    for (String field : List.of("best_iteration", "end_reason", "best_deployed")) {
      trajectory.putNull(field);
    }
    Json.MAPPER.writeValue(file.toFile(), trajectory);
    int i = last.get("iteration").asInt();
    Files.deleteIfExists(run.resolve("configs/config_iteration_" + i + "_suggested.json"));
    Files.deleteIfExists(run.resolve("configs/best_config.json"));
    assertThat(Files.list(run.resolve("configs")).map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("config_iteration_1.json", "config_iteration_1_suggested.json",
            "config_iteration_2.json");
  }
}
