package dev.diaharness.bench;

import dev.diaharness.emulator.EmbeddedEmulator;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.LatencyPlan;
import dev.diaharness.emulator.MetricsSnapshot;
import dev.diaharness.run.EvaluationResult;
import dev.diaharness.run.RunDirectory;
import dev.diaharness.run.RunEvaluation;
import dev.diaharness.run.RunOptions;
import dev.diaharness.run.Ticker;
import dev.diaharness.run.TrafficControl;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Benchmark 3, the global rate limit (issue 5): {@code --rate-limit 20} over train ∥ test (60 + 30 questions, one
 * repeat, {@code --max-workers 10}, so 270 HTTP requests), against the emulator with no latency (the gate is the
 * only brake) and with 100 ± 20 ms. The server's own arrival times (sessions and streamAssist, the calls the limit
 * paces) give the most requests in any one-second window, which must be ≤ 20 (+1), and the achieved rate.
 *
 * <p>Arguments: {@code [rounds]} (default 2).
 */
public final class RateLimitBench {
  private static final double RATE = 20.0;
  private static final int WORKERS = 10;

  private RateLimitBench() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    System.out.println("# rate limit: " + Bench.machine());
    System.out.println(Bench.f("# --rate-limit %.0f, train 60 + test 30 questions x 1 repeat, --max-workers %d",
        RATE, WORKERS));
    for (int round = 1; round <= rounds; round++) {
      for (String latency : new String[] {"0", "100:20"}) {
        run(round, latency);
      }
    }
  }

  private static void run(int round, String latencyMs) {
    RunOptions options = new RunOptions(1, WORKERS, Optional.of(RATE), Duration.ofMinutes(5), false);
    TrafficControl traffic = new TrafficControl(options.rateLimitQps(), 2 * WORKERS, Ticker.SYSTEM);
    RunDirectory run = Bench.scratchRun();
    SplitStats stats = new SplitStats();
    RecordingGate gate = new RecordingGate(traffic);
    try (EmbeddedEmulator emulator = Bench.emulator(LatencyPlan.parse("latency", latencyMs), FaultPlan.none());
        RunEvaluation evaluation = new RunEvaluation(run, Bench.httpAgent(emulator, gate), Bench.cliScorer(),
            traffic, options, stats, Bench.questions("train", 60), Optional.of(Bench.questions("test", 30)),
            Clock.systemUTC())) {
      long start = System.nanoTime();
      EvaluationResult result = evaluation.evaluate(1, "");
      double wall = (System.nanoTime() - start) / 1e9;
      MetricsSnapshot metrics = emulator.server().metrics();
      long[] arrivals = metrics.arrivalNanos();
      Arrays.sort(arrivals);
      double span = (arrivals[arrivals.length - 1] - arrivals[0]) / 1e9;
      long items = result.train().items() + result.test().orElseThrow().items();
      System.out.println(Bench.f("latency %-6s round %d: %d items in %.2f s, %d requests at the server"
              + " (sessions %d, streamAssist %d), max in any 1 s window = %d (limit %.0f + 1), max in any 5 s"
              + " window = %d, achieved %.2f requests/s over %.2f s, errors %d",
          latencyMs, round, items, wall, arrivals.length, metrics.count("sessions.create"),
          metrics.count("streamAssist"), metrics.maxArrivalsWithin(Duration.ofSeconds(1)), RATE,
          metrics.maxArrivalsWithin(Duration.ofSeconds(5)), (arrivals.length - 1) / span, span,
          stats.errors(dev.diaharness.run.Split.TRAIN) + stats.errors(dev.diaharness.run.Split.TEST)));
      long[] sent = gate.passedNanos();
      long[] delays = new long[Math.min(sent.length, arrivals.length)];
      for (int i = 0; i < delays.length; i++) {
        delays[i] = arrivals[i] - sent[i]; // i-th request let through vs i-th arrival: transit, roughly
      }
      Arrays.sort(delays);
      System.out.println(Bench.f("latency %-6s round %d: client side (when the gate let requests through): max in"
              + " any 1 s window = %d; gate-to-server delay of the i-th request p50 %.1f ms, p99 %.1f ms, max %.1f ms",
          latencyMs, round, RecordingGate.maxWithin(sent, Duration.ofSeconds(1)), delays[delays.length / 2] / 1e6,
          delays[(int) (delays.length * 0.99)] / 1e6, delays[delays.length - 1] / 1e6));
      long[] worst = RecordingGate.worstWindow(arrivals, Duration.ofSeconds(1));
      System.out.println(Bench.f("latency %-6s round %d: the fullest 1 s window at the server starts at request"
          + " #%d, %.2f s after the first", latencyMs, round, worst[1] + 1,
          (arrivals[(int) worst[1]] - arrivals[0]) / 1e9));
      stats.errorSamples().forEach(e -> System.out.println("  error row: " + e));
    } finally {
      Bench.deleteTree(run.root().getParent());
    }
  }
}
