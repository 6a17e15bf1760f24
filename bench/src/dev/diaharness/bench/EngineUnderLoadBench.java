package dev.diaharness.bench;

import dev.diaharness.agent.Agent;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.emulator.EmbeddedEmulator;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.LatencyPlan;
import dev.diaharness.emulator.MetricsSnapshot;
import dev.diaharness.run.EvaluationResult;
import dev.diaharness.run.RunDirectory;
import dev.diaharness.run.RunEvaluation;
import dev.diaharness.run.RunListener;
import dev.diaharness.run.RunOptions;
import dev.diaharness.run.Split;
import dev.diaharness.run.Ticker;
import dev.diaharness.run.TrafficControl;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine under the real service's conditions (issue 11), through the same path as {@code evaluate --embedded}:
 * the emulator on loopback HTTP, the real REST client with the run's {@link TrafficControl}, {@link RunEvaluation}
 * with the journal on. Three scenarios:
 * <ul>
 *   <li>{@code quota}: the emulator allows 6 conversation requests/s (429 without Retry-After above), 40 + 10
 *       questions × 2, {@code --max-workers 10}, {@code --item-timeout 20}, log-normal latency (median 300 ms, p95
 *       900 ms). Target: 0 error rows, ≥ 90 % of the quota used.</li>
 *   <li>{@code realistic}: the same latency, quota 20 requests/s, 100 + 50 questions × 3. Target: wall ÷
 *       max(latency ideal, quota ideal) ≤ 1.15.</li>
 *   <li>{@code sharing}: 150 + 50 questions × 3, 10 workers per split, 100 ± 20 ms, no quota, with work sharing and
 *       with {@code --no-share-workers}. Target (sharing): wall ÷ (600 × mean conversation ÷ 20) ≤ 1.10.</li>
 * </ul>
 *
 * <p>Arguments: {@code [scenario|all] [rounds]} (default all, 1 round).
 */
public final class EngineUnderLoadBench {
  private static final LatencyPlan REALISTIC = LatencyPlan.logNormal(Duration.ofMillis(300), Duration.ofMillis(900));

  private EngineUnderLoadBench() {}

  public static void main(String[] args) {
    String which = args.length > 0 ? args[0] : "all";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    System.out.println("# engine under load: " + Bench.machine());
    for (int round = 1; round <= rounds; round++) {
      if (which.equals("all") || which.equals("quota")) {
        quota(round);
      }
      if (which.equals("all") || which.equals("realistic")) {
        realistic(round);
      }
      if (which.equals("all") || which.equals("sharing")) {
        sharing(round, true);
        sharing(round, false);
      }
    }
  }

  /** What one evaluation did. */
  private record Outcome(double wallSeconds, SplitStats stats, MetricsSnapshot server, int lowestLimit) {
    long items() {
      return stats.items(Split.TRAIN) + stats.items(Split.TEST);
    }

    long errors() {
      return stats.errors(Split.TRAIN) + stats.errors(Split.TEST);
    }

    long accepted() {
      return server.count("streamAssist") + server.count("sessions") - server.count("quota.refused");
    }

    double meanConversationMs() {
      long n = items();
      return n == 0 ? 0 : (stats.meanConversationMs(Split.TRAIN) * stats.items(Split.TRAIN)
          + stats.meanConversationMs(Split.TEST) * stats.items(Split.TEST)) / n;
    }
  }

  private static void quota(int round) {
    Outcome o = evaluate(REALISTIC, Optional.of(6.0), 40, 10, 2, Duration.ofSeconds(20), true);
    double used = o.accepted() / (6.0 * o.wallSeconds());
    System.out.println(Bench.f("quota     round %d: wall %.1f s, %d items, %d error rows, %d requests accepted, %d"
            + " refused (429), quota used %.1f %% (target >= 90 %%, 0 errors), lowest limit %d",
        round, o.wallSeconds(), o.items(), o.errors(), o.accepted(), o.server().count("quota.refused"), used * 100,
        o.lowestLimit()));
    o.stats().errorSamples().forEach(e -> System.out.println("  error row: " + e));
  }

  private static void realistic(int round) {
    Outcome o = evaluate(REALISTIC, Optional.of(20.0), 100, 50, 3, Duration.ofSeconds(300), true);
    double latencyIdeal = o.items() * o.meanConversationMs() / 1000 / 20;
    double quotaIdeal = o.accepted() / 20.0;
    double ideal = Math.max(latencyIdeal, quotaIdeal);
    System.out.println(Bench.f("realistic round %d: wall %.1f s, %d items, %d error rows, mean conversation %.0f ms,"
            + " latency ideal %.1f s, quota ideal %.1f s (%d requests / 20/s) -> wall/ideal = %.3f (target <= 1.15),"
            + " %d refused, lowest limit %d",
        round, o.wallSeconds(), o.items(), o.errors(), o.meanConversationMs(), latencyIdeal, quotaIdeal,
        o.accepted(), o.wallSeconds() / ideal, o.server().count("quota.refused"), o.lowestLimit()));
    o.stats().errorSamples().forEach(e -> System.out.println("  error row: " + e));
  }

  private static void sharing(int round, boolean share) {
    Outcome o = evaluate(new LatencyPlan(Duration.ofMillis(100), Duration.ofMillis(20)), Optional.empty(), 150, 50,
        3, Duration.ofSeconds(300), share);
    double ideal = o.items() * o.meanConversationMs() / 1000 / 20;
    System.out.println(Bench.f("sharing   round %d, %-17s: wall %.2f s, %d items, %d error rows, mean conversation"
            + " %.1f ms, ideal (all 20 workers busy) %.2f s -> wall/ideal = %.3f%s",
        round, share ? "shared workers" : "--no-share-workers", o.wallSeconds(), o.items(), o.errors(),
        o.meanConversationMs(), ideal, o.wallSeconds() / ideal, share ? " (target <= 1.10)" : ""));
  }

  private static Outcome evaluate(LatencyPlan latency, Optional<Double> quota, int train, int test, int repeats,
      Duration itemTimeout, boolean share) {
    List<GoldenCase> trainCases = Bench.questions("train", train);
    List<GoldenCase> testCases = Bench.questions("test", test);
    RunOptions options = new RunOptions(repeats, 10, Optional.empty(), itemTimeout, false).withShareWorkers(share);
    try (EmbeddedEmulator emulator = Bench.emulator(latency, FaultPlan.none(), quota)) {
      RunDirectory run = Bench.scratchRun();
      TrafficControl traffic = new TrafficControl(Optional.empty(), 2 * options.maxWorkers(), Ticker.SYSTEM);
      AtomicInteger lowest = new AtomicInteger(2 * options.maxWorkers());
      traffic.listen(new RunListener() {
        @Override
        public void throttled(int limit, int max, long rateLimited) {
          lowest.accumulateAndGet(limit, Math::min);
        }
      });
      Agent agent = Bench.httpAgent(emulator, traffic);
      SplitStats stats = new SplitStats();
      long start;
      long end;
      try (RunEvaluation evaluation = new RunEvaluation(run, agent, Bench.cliScorer(), traffic, options, stats,
          trainCases, Optional.of(testCases), Clock.systemUTC())) {
        start = System.nanoTime();
        EvaluationResult result = evaluation.evaluate(1, "");
        end = System.nanoTime();
        if (result.train().items() + result.test().orElseThrow().items() != (long) (train + test) * repeats) {
          throw new IllegalStateException("missing rows");
        }
      } finally {
        Bench.deleteTree(run.root().getParent());
      }
      return new Outcome((end - start) / 1e9, stats, emulator.server().metrics(), lowest.get());
    }
  }
}
