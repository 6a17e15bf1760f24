package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.FaultPlan.Kind;
import dev.diaharness.emulator.LatencyPlan;
import dev.diaharness.emulator.MetricsSnapshot;
import dev.diaharness.run.ItemKey;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.JournalReader;
import dev.diaharness.run.RunManifest;
import dev.diaharness.core.Json;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 403 in the middle of {@code evaluate}: the run stops with exit 2 and the authorization steps, the rows finished
 * before it stay in the journal, and the pending items are never sent to the agent.
 */
class AccessDeniedDuringRunTest {
  static final int ITEMS = EvaluateResumeAfterKillTest.TRAIN_QUESTIONS
      + EvaluateResumeAfterKillTest.TEST_QUESTIONS; // one repeat of the example's train and test sets
  static final int WORKERS = 3;

  @TempDir Path results;

  @Test
  void aForbiddenAnswerStopsTheRunKeepsFinishedRowsAndAsksNothingMore() throws Exception {
    // seeded: the same conversations get the 403 every run (faults follow (question, repeat, turn), not arrival
    // order); with this seed the first is the 18th training and the 13th test question
    FaultPlan forbidden = FaultPlan.none().withRate(Kind.FORBIDDEN, 0.03);
    CliRun run;
    MetricsSnapshot seen;
    try (LocalEmulator emulator = LocalEmulator.start(forbidden, LatencyPlan.parse("latency", "20:10"), 27)) {
      run = CliTestSupport.runWithEnv(emulator.env(), "", "evaluate", "--config-file", EvaluateCommandTest.CONFIG,
          "--golden-set", EvaluateCommandTest.TRAIN, "--test-set", EvaluateCommandTest.TEST, "--num-repeats", "1",
          "--max-workers", Integer.toString(WORKERS), "--results-dir", results.toString());
      seen = emulator.server.metrics();
      // nothing may arrive after the command returned: once the evaluation's conversation threads are gone (the
      // engine waits for them before it returns), nothing of this process can call the agent any more, and the
      // count must not have moved meanwhile
      awaitNoThreadNamed("conversation-");
      assertThat(emulator.server.metrics().count("streamAssist")).isEqualTo(seen.count("streamAssist"));
    }

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(run.err()).contains("error: ").contains("Discovery Engine User role")
        .contains("results written so far are kept");
    assertThat(seen.faultCount(Kind.FORBIDDEN)).isPositive();

    Path dir = EvaluateCommandTest.onlyRun(results);
    List<ItemResult> rows = JournalReader.readAll(dir.resolve("journal.jsonl"));
    Set<ItemKey> keys = new HashSet<>();
    rows.forEach(r -> assertThat(keys.add(r.key())).as("duplicate %s", r.key()).isTrue());
    assertThat(rows).as("rows finished before the 403 stay").isNotEmpty().hasSizeLessThan(ITEMS / 2)
        .noneMatch(ItemResult::isError); // a 403 is not an answer: it never becomes a row
    // Every conversation is 2 streamAssist calls. Each split hands out items in set order to its workers, and the
    // 403 stops both splits at the latest when it reaches the denied question (the 18th training, the 13th test
    // question with this seed), so no split started more than that many items plus one per worker: the pending
    // ones were cancelled, not asked. (How many of the started ones became rows depends on timing: a conversation
    // cut off in its follow-up by the stop leaves no row, so rows alone cannot bound this; every answered one has
    // its row, see AnsweredBeforeAccessDeniedTest.)
    long asked = seen.count("streamAssist");
    assertThat(asked).isLessThanOrEqualTo(2L * ((18 + WORKERS) + (13 + WORKERS))).isLessThan(ITEMS);
    RunManifest manifest = Json.MAPPER.readValue(dir.resolve("run.json").toFile(), RunManifest.class);
    assertThat(manifest.endReason()).startsWith("error: ");
  }

  /** Waits (on the condition, not a fixed time) until no live thread's name starts with one of the prefixes. */
  static void awaitNoThreadNamed(String... prefixes) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .anyMatch(t -> java.util.Arrays.stream(prefixes).anyMatch(p -> t.getName().startsWith(p)))) {
      assertThat(System.nanoTime()).as("the evaluation's agent threads ended").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
