package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.emulator.LatencyPlan;
import dev.diaharness.emulator.MetricsSnapshot;
import dev.diaharness.run.ItemKey;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.JournalReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throttling never turns into wrong numbers: {@code evaluate} against a loopback server with a quota that refuses
 * with 429 and no Retry-After (as Google does) gives every item the verdict of an unthrottled run, with no error
 * row, even with a short item timeout. The regression this pins: 57 of 100 throttled items were once TIMEOUT rows.
 */
class QuotaThrottledEvaluationTest {
  @TempDir Path clean;
  @TempDir Path throttled;

  private static CliRun evaluate(Map<String, String> env, Path results) {
    List<String> args = new ArrayList<>(List.of("evaluate", "--config-file", EvaluateCommandTest.CONFIG,
        "--golden-set", EvaluateCommandTest.TRAIN, "--num-repeats", "1", "--max-workers", "6",
        "--item-timeout", "5", "--results-dir", results.toString()));
    CliRun run = CliTestSupport.runWithEnv(env, "", args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return run;
  }

  private static Map<ItemKey, ItemResult> rows(Path results) throws Exception {
    Map<ItemKey, ItemResult> map = new HashMap<>();
    JournalReader.readAll(EvaluateCommandTest.onlyRun(results).resolve("journal.jsonl"))
        .forEach(r -> assertThat(map.put(r.key(), r)).as("one row per key").isNull());
    return map;
  }

  @Test
  void everyItemGetsTheUnthrottledVerdictAndTheConsoleSaysTheRunIsThrottled() throws Exception {
    LatencyPlan latency = new LatencyPlan(Duration.ofMillis(40), Duration.ofMillis(20));
    Map<ItemKey, ItemResult> reference;
    try (LocalEmulator free = LocalEmulator.start(dev.diaharness.emulator.FaultPlan.none(), latency, 3)) {
      evaluate(free.env(), clean);
      reference = rows(clean);
    }
    MetricsSnapshot seen;
    CliRun run;
    // 6 conversations of two 40 ms turns would send ~75 requests/s; the quota allows 15
    try (LocalEmulator quota = LocalEmulator.withQuota(15, latency, 3)) {
      run = evaluate(quota.env(), throttled);
      seen = quota.server.metrics();
    }
    Map<ItemKey, ItemResult> withQuota = rows(throttled);

    assertThat(seen.count("quota.refused")).as("the quota really refused requests: " + seen.describe()).isPositive();
    assertThat(withQuota.keySet()).isEqualTo(reference.keySet());
    assertThat(withQuota.values()).noneMatch(ItemResult::isError);
    withQuota.values().forEach(r ->
        assertThat(r.verdict()).as("%s", r.key()).isEqualTo(reference.get(r.key()).verdict()));
    assertThat(run.out()).contains("throttled by the service").containsPattern("no answer +0");
  }
}
