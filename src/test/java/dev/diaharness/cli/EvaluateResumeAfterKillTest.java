package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.core.Json;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.LatencyPlan;
import dev.diaharness.run.ItemKey;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.JournalReader;
import dev.diaharness.run.RunManifest;
import dev.diaharness.run.Split;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate} killed with SIGKILL in the middle of the evaluation, then {@code evaluate --resume}: every key
 * ends up exactly once, the rows written before the kill are kept as they were, and the agent is asked only for
 * the items that had not finished. The emulator belongs to the test, so it counts the questions of both processes.
 */
class EvaluateResumeAfterKillTest {
  static final int REPEATS = 2;
  // the example's questions, counted from the files so a regenerated set cannot make them stale
  static final int TRAIN_QUESTIONS =
      dev.diaharness.dataset.GoldenSetLoader.load(Path.of(EvaluateCommandTest.TRAIN)).size();
  static final int TEST_QUESTIONS = dev.diaharness.dataset.GoldenSetLoader.load(Path.of(EvaluateCommandTest.TEST)).size();
  static final int ITEMS = (TRAIN_QUESTIONS + TEST_QUESTIONS) * REPEATS;

  @TempDir Path work;

  static Path config() {
    return Path.of(EvaluateCommandTest.CONFIG).toAbsolutePath();
  }

  static List<String> evaluateArgs(Path results, String workers) {
    return new ArrayList<>(List.of("evaluate", "--config-file", config().toString(),
        "--golden-set", Path.of(EvaluateCommandTest.TRAIN).toAbsolutePath().toString(),
        "--test-set", Path.of(EvaluateCommandTest.TEST).toAbsolutePath().toString(),
        "--num-repeats", Integer.toString(REPEATS), "--max-workers", workers, "--results-dir", results.toString()));
  }

  static Path journalUnder(Path results) {
    try (Stream<Path> runs = Files.list(results)) {
      return runs.filter(p -> p.getFileName().toString().startsWith("run_")).findFirst()
          .map(p -> p.resolve("journal.jsonl")).orElse(results.resolve("none"));
    } catch (java.io.IOException e) {
      return results.resolve("none");
    }
  }

  @Test
  void aRunKilledMidEvaluationResumesWithoutAskingFinishedItemsAgain() throws Exception {
    Path results = Files.createDirectories(work.resolve("results"));
    try (LocalEmulator emulator = LocalEmulator.start(FaultPlan.none(), LatencyPlan.parse("latency", "60:20"), 7)) {
      KilledProcess.runAndKill(work, emulator.env(), () -> KilledProcess.lines(journalUnder(results)) >= 25,
          Duration.ofSeconds(90), evaluateArgs(results, "2").toArray(String[]::new));
      Path journal = journalUnder(results);
      Path runDir = journal.getParent();
      List<String> linesBefore = Files.readAllLines(journal);
      List<ItemResult> finished = JournalReader.readAll(journal);
      assertThat(finished).as("killed mid-run").hasSizeBetween(25, ITEMS - 1);
      // the on-disk state of a kill in the middle of writing a long line (a line over the writer's buffer is
      // written in pieces): a torn last line in both files the row goes to
      String torn = "{\"version\":1,\"iteration\":1,\"split\":\"train\",\"question_id\":\"train-";
      Files.writeString(journal, torn, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      Files.writeString(runDir.resolve("iterations/1/eval_train.jsonl"), torn, StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);

      RunManifest before = Json.MAPPER.readValue(runDir.resolve("run.json").toFile(), RunManifest.class);
      List<String> resume = evaluateArgs(results, "10");
      resume.addAll(List.of("--resume", runDir.toString()));
      CliRun run;
      long askedOnResume;
      // the resume talks to a second emulator holding the same agent (temperature 0: the same answers), so what it
      // asked is counted exactly, with no wait for requests the dead process may have left in flight at the first
      try (LocalEmulator second = LocalEmulator.start(FaultPlan.none(), LatencyPlan.parse("latency", "60:20"), 7)) {
        run = CliTestSupport.runWithEnv(second.env(), "", resume.toArray(String[]::new));
        askedOnResume = second.streamAssistCalls();
      }

      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      List<ItemResult> all = JournalReader.readAll(journal);
      Set<ItemKey> keys = new HashSet<>();
      all.forEach(r -> assertThat(keys.add(r.key())).as("key twice: %s", r.key()).isTrue());
      assertThat(keys).hasSize(ITEMS);
      assertThat(all.subList(0, finished.size())).as("rows from before the kill are kept").isEqualTo(finished);
      assertThat(Files.readAllLines(journal).subList(0, linesBefore.size())).isEqualTo(linesBefore);
      // exactly the unfinished items were asked: a question and its SQL follow-up each, nothing for finished ones
      assertThat(askedOnResume).isEqualTo(2L * (ITEMS - finished.size()));
      Set<ItemKey> finishedKeys = finished.stream().map(ItemResult::key).collect(Collectors.toSet());
      assertThat(all.subList(finished.size(), all.size())).noneMatch(r -> finishedKeys.contains(r.key()));
      RunManifest after = Json.MAPPER.readValue(runDir.resolve("run.json").toFile(), RunManifest.class);
      assertThat(after.startTime()).as("the run keeps how it began").isEqualTo(before.startTime());
      assertThat(after.commandLine()).isEqualTo(before.commandLine()).doesNotContain("--resume");
      assertThat(after.endReason()).isEqualTo("evaluated");
      for (Split split : List.of(Split.TRAIN, Split.TEST)) {
        List<ItemResult> evalRows = JournalReader.readAll(runDir.resolve("iterations/1/eval_" + split.label()
            + ".jsonl"));
        assertThat(evalRows).hasSize((split == Split.TRAIN ? TRAIN_QUESTIONS : TEST_QUESTIONS) * REPEATS)
            .extracting(ItemResult::key).doesNotHaveDuplicates();
      }
    }
  }
}
