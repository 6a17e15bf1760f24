package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.dataset.GoldenSetLoader;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.FaultPlan.Kind;
import dev.diaharness.emulator.LatencyPlan;
import dev.diaharness.emulator.MetricsSnapshot;
import dev.diaharness.run.ErrorKind;
import dev.diaharness.run.ItemKey;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.JournalReader;
import dev.diaharness.run.RowError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example evaluation with the emulator injecting 5% 429, 1% 500 and 1% truncated streams (seeded): infrastructure
 * noise never changes a measurement. At emulator temperature 0 the agent answers each question deterministically;
 * 429 and 500 are retried, and a stream cut starts the conversation again in a new session, all within the item's
 * retry budget. So every item has exactly one row and every verdict equals the fault-free run's — exact, not "within
 * noise".
 */
class EmbeddedFaultsTest {
  static final int REPEATS = 2;
  static final long SEED = 7;
  /**
   * The emulator's fault seed. Faults follow (question, repeat, turn, attempt), not arrival order, so this seed
   * injects 429s, 500s and truncated streams (first turns and SQL follow-ups) into the same conversations every run.
   */
  static final long FAULT_SEED = 10;

  @TempDir Path clean;
  @TempDir Path faulty;

  private static List<ItemResult> evaluate(Map<String, String> env, Path results, String... extra)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("evaluate", "--config-file", EvaluateCommandTest.CONFIG,
        "--golden-set", EvaluateCommandTest.TRAIN, "--test-set", EvaluateCommandTest.TEST,
        "--num-repeats", Integer.toString(REPEATS), "--seed", Long.toString(SEED), "--results-dir",
        results.toString()));
    args.addAll(List.of(extra));
    CliRun run = CliTestSupport.runWithEnv(env, "", args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return JournalReader.readAll(EvaluateCommandTest.onlyRun(results).resolve("journal.jsonl"));
  }

  /** Items of the shipped example's training and test sets at {@link #REPEATS} repeats. */
  private static int exampleItems() {
    return (GoldenSetLoader.load(Path.of(EvaluateCommandTest.TRAIN)).cases().size()
        + GoldenSetLoader.load(Path.of(EvaluateCommandTest.TEST)).cases().size()) * REPEATS;
  }

  private static Map<ItemKey, ItemResult> byKey(List<ItemResult> rows) {
    Map<ItemKey, ItemResult> map = new HashMap<>();
    for (ItemResult row : rows) {
      assertThat(map.put(row.key(), row)).as("duplicate row for %s", row.key()).isNull();
    }
    return map;
  }

  @Test
  void faultsChangeNoVerdictAndEveryItemHasOneRow() throws Exception {
    Map<ItemKey, ItemResult> reference = byKey(evaluate(Map.of(), clean, "--embedded",
        "--emulator-temperature", "0"));
    FaultPlan faults = FaultPlan.parse("faults", "429=0.05,500=0.01,truncate=0.01").withRetryAfter(Duration.ZERO);
    MetricsSnapshot seen;
    Map<ItemKey, ItemResult> withFaults;
    try (LocalEmulator emulator = LocalEmulator.start(faults, LatencyPlan.none(), FAULT_SEED)) {
      withFaults = byKey(evaluate(emulator.env(), faulty));
      seen = emulator.server.metrics();
    }

    int items = exampleItems();
    assertThat(reference).hasSize(items);
    assertThat(withFaults.keySet()).isEqualTo(reference.keySet());
    assertThat(reference.values()).noneMatch(ItemResult::isError);
    assertThat(seen.faultCount(Kind.RATE_LIMITED)).as(seen.describe()).isPositive();
    assertThat(seen.faultCount(Kind.SERVER_ERROR)).as(seen.describe()).isPositive();
    assertThat(seen.faultCount(Kind.TRUNCATED_STREAM)).as(seen.describe()).isPositive();
    // question + SQL follow-up per item and nothing else (no sessions.create), plus the retries the faults caused
    assertThat(seen.count("sessions")).isZero();
    assertThat(seen.count("streamAssist")).isGreaterThan(2L * items);
    assertThat(withFaults.values()).noneMatch(ItemResult::isError);
    withFaults.values().forEach(r ->
        assertThat(r.verdict()).as("%s", r.key()).isEqualTo(reference.get(r.key()).verdict()));
  }

  @Test
  void theHiddenEmulatorFaultFlagReachesTheEmbeddedEmulator() throws Exception {
    List<ItemResult> rows = evaluate(Map.of(), faulty, "--embedded", "--emulator-faults", "truncate=1",
        "--max-retries", "0");
    assertThat(rows).hasSize(exampleItems())
        .allSatisfy(r -> assertThat(r.error().map(RowError::kind)).hasValue(ErrorKind.TRUNCATED));
  }
}
