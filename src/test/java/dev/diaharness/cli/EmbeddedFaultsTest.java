package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.agent.AgentError;
import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.FaultPlan.Kind;
import dev.diaharness.emulator.LatencyPlan;
import dev.diaharness.emulator.MetricsSnapshot;
import dev.diaharness.run.ItemKey;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.JournalReader;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example evaluation with the emulator injecting 5% 429, 1% 500 and 1% truncated streams (seeded): the run
 * survives, every item ends with exactly one row, and the accuracy is the fault-free run's up to the items the
 * faults broke.
 *
 * <p>How the accuracy is bounded: at emulator temperature 0 the agent answers each question deterministically, so
 * the only admissible difference is the items a fault broke. 429 and 500 are retried to success; a truncated
 * stream is not retried (the question may have reached the agent) and becomes an AGENT_ERROR row, which counts as
 * not passed. So: every non-error row has the fault-free verdict, and passed(faulty) = passed(clean) − the broken
 * items that passed in the clean run — exact, not "within noise".
 */
class EmbeddedFaultsTest {
  static final int TRAIN_QUESTIONS = EvaluateCommandTest.TRAIN_QUESTIONS;
  static final int TEST_QUESTIONS = EvaluateCommandTest.TEST_QUESTIONS;
  static final int REPEATS = 2;
  static final long SEED = 7;
  /**
   * The emulator's fault seed. Faults follow (question, repeat, turn, attempt), so this seed gives the same faults
   * every run: five truncated first turns (error rows), one truncated SQL follow-up (not an error: the first turn's
   * SQL stands) and 27 429/500s that are retried.
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

  private static Map<ItemKey, ItemResult> byKey(List<ItemResult> rows) {
    Map<ItemKey, ItemResult> map = new HashMap<>();
    for (ItemResult row : rows) {
      assertThat(map.put(row.key(), row)).as("duplicate row for %s", row.key()).isNull();
    }
    return map;
  }

  @Test
  void faultsCostOnlyTheItemsTheyBrokeAndEveryItemHasOneRow() throws Exception {
    Map<ItemKey, ItemResult> reference = byKey(evaluate(Map.of(), clean, "--embedded",
        "--emulator-temperature", "0"));
    FaultPlan faults = FaultPlan.parse("faults", "429=0.05,500=0.01,truncate=0.01").withRetryAfter(Duration.ZERO);
    MetricsSnapshot seen;
    Map<ItemKey, ItemResult> withFaults;
    try (LocalEmulator emulator = LocalEmulator.start(faults, LatencyPlan.none(), FAULT_SEED)) {
      withFaults = byKey(evaluate(emulator.env(), faulty));
      seen = emulator.server.metrics();
    }

    int items = (TRAIN_QUESTIONS + TEST_QUESTIONS) * REPEATS;
    assertThat(reference).hasSize(items);
    assertThat(withFaults.keySet()).isEqualTo(reference.keySet());
    assertThat(reference.values()).noneMatch(ItemResult::isError);
    assertThat(seen.faultCount(Kind.RATE_LIMITED)).as(seen.describe()).isPositive();
    assertThat(seen.faultCount(Kind.TRUNCATED_STREAM)).as(seen.describe()).isPositive();
    // question + SQL follow-up per item, plus one retry per 429/500; a truncated answer ends its conversation
    assertThat(seen.count("streamAssist")).isBetween(
        2L * items - seen.faultCount(Kind.TRUNCATED_STREAM), 2L * items + seen.faults().values().stream()
            .mapToLong(Long::longValue).sum());

    List<ItemResult> errors = withFaults.values().stream().filter(ItemResult::isError).toList();
    assertThat(errors).isNotEmpty().allSatisfy(r -> {
      assertThat(r.errorKind()).isEqualTo(AgentError.Kind.TRUNCATED.name());
      assertThat(r.status()).isEqualTo(Status.AGENT_ERROR);
    });
    assertThat((long) errors.size()).isLessThanOrEqualTo(seen.faultCount(Kind.TRUNCATED_STREAM));
    withFaults.values().stream().filter(r -> !r.isError()).forEach(r ->
        assertThat(r.verdict()).as("%s", r.key()).isEqualTo(reference.get(r.key()).verdict()));
    long passedReference = reference.values().stream().filter(ItemResult::passed).count();
    long passedFaulty = withFaults.values().stream().filter(ItemResult::passed).count();
    long brokenPasses = errors.stream().filter(r -> reference.get(r.key()).verdict() == Outcome.PASS).count();
    assertThat(passedFaulty).isEqualTo(passedReference - brokenPasses);
  }

  @Test
  void theHiddenEmulatorFaultFlagReachesTheEmbeddedEmulator() throws Exception {
    List<ItemResult> rows = evaluate(Map.of(), faulty, "--embedded", "--emulator-faults", "truncate=1");
    assertThat(rows).hasSize((TRAIN_QUESTIONS + TEST_QUESTIONS) * REPEATS)
        .allSatisfy(r -> assertThat(r.errorKind()).isEqualTo(AgentError.Kind.TRUNCATED.name()));
  }
}
