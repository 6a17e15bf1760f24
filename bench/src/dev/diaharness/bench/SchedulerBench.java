package dev.diaharness.bench;

import dev.diaharness.agent.Agent;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.emulator.EmbeddedEmulator;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.LatencyPlan;
import dev.diaharness.run.EvaluationEngine;
import dev.diaharness.run.EvaluationResult;
import dev.diaharness.run.EvaluationSpec;
import dev.diaharness.run.JournalWriter;
import dev.diaharness.run.RunDirectory;
import dev.diaharness.run.RunEvaluation;
import dev.diaharness.run.RunOptions;
import dev.diaharness.run.Split;
import dev.diaharness.run.Ticker;
import dev.diaharness.run.TrafficControl;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Benchmark 1, scheduler efficiency (issue 5): emulator latency 100 ± 20 ms per streamAssist call, 100 training
 * and 50 test questions × 3 repeats, {@code --max-workers 10}, a cheap scorer (the pipeline with the no-SQL stage only). Measures the
 * wall time of the evaluation (JVM start, emulator start and a warm-up excluded) against the ideal
 * {@code max(train items, test items) × mean conversation time ÷ workers}, with train ∥ test (as {@code evaluate}
 * runs them, through {@link RunEvaluation}) and with test after train (two {@link EvaluationEngine} runs), to show
 * what the first level of parallelism saves.
 *
 * <p>Arguments: {@code [rounds]} (default 2; each round runs both modes).
 */
public final class SchedulerBench {
  private static final int TRAIN = 100;
  private static final int TEST = 50;
  private static final int REPEATS = 3;
  private static final int WORKERS = 10;

  private SchedulerBench() {}

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    System.out.println("# scheduler efficiency: " + Bench.machine());
    System.out.println(Bench.f("# %d train + %d test questions x %d repeats, --max-workers %d, latency 100:20 ms"
        + " per streamAssist, conversation = session + question + SQL follow-up", TRAIN, TEST, REPEATS, WORKERS));
    List<GoldenCase> train = Bench.questions("train", TRAIN);
    List<GoldenCase> test = Bench.questions("test", TEST);
    RunOptions options = new RunOptions(REPEATS, WORKERS, Optional.empty(), Duration.ofMinutes(5), false);
    try (EmbeddedEmulator emulator = Bench.emulator(new LatencyPlan(Duration.ofMillis(100), Duration.ofMillis(20)),
        FaultPlan.none())) {
      warmUp(emulator, options);
      for (int round = 1; round <= rounds; round++) {
        report("parallel", round, parallel(emulator, options, train, test));
        report("sequential", round, sequential(emulator, options, train, test));
      }
    }
  }

  /** Timing of one mode: wall time and the per-split stats of its rows. */
  private record Timing(double wallSeconds, SplitStats stats, long startNanos) {}

  /** Train and test submitted together, exactly as {@code evaluate} does it. */
  private static Timing parallel(EmbeddedEmulator emulator, RunOptions options, List<GoldenCase> train,
      List<GoldenCase> test) throws IOException {
    RunDirectory run = Bench.scratchRun();
    TrafficControl traffic = new TrafficControl(options.rateLimitQps(), 2 * options.maxWorkers(), Ticker.SYSTEM);
    Agent agent = Bench.httpAgent(emulator, traffic);
    SplitStats stats = new SplitStats();
    long start;
    long end;
    try (RunEvaluation evaluation = new RunEvaluation(run, agent, Bench.cliScorer(), traffic, options, stats, train,
        Optional.of(test), Clock.systemUTC())) {
      start = System.nanoTime();
      EvaluationResult result = evaluation.evaluate(1, "");
      end = System.nanoTime();
      check(result, train.size(), test.size(), options.repeats());
    } finally {
      Bench.deleteTree(run.root().getParent());
    }
    return new Timing((end - start) / 1e9, stats, start);
  }

  /** The test set evaluated only after the training set has finished (no level-1 parallelism). */
  private static Timing sequential(EmbeddedEmulator emulator, RunOptions options, List<GoldenCase> train,
      List<GoldenCase> test) throws IOException {
    RunDirectory run = Bench.scratchRun();
    TrafficControl traffic = new TrafficControl(options.rateLimitQps(), 2 * options.maxWorkers(), Ticker.SYSTEM);
    Agent agent = Bench.httpAgent(emulator, traffic);
    SplitStats stats = new SplitStats();
    long start;
    long end;
    try (JournalWriter journal = new JournalWriter(run)) {
      EvaluationEngine engine = new EvaluationEngine(agent, Bench.cliScorer(), traffic, options, journal, stats,
          Clock.systemUTC());
      start = System.nanoTime();
      engine.run(1, List.of(new EvaluationSpec(1, Split.TRAIN, train, "")), Map.of());
      engine.run(1, List.of(new EvaluationSpec(1, Split.TEST, test, "")), Map.of());
      end = System.nanoTime();
    } finally {
      Bench.deleteTree(run.root().getParent());
    }
    return new Timing((end - start) / 1e9, stats, start);
  }

  /** A short run first, so JIT compilation and the HTTP client's connection pool are not in the measurement. */
  private static void warmUp(EmbeddedEmulator emulator, RunOptions options) throws IOException {
    RunOptions once = new RunOptions(1, options.maxWorkers(), Optional.empty(), options.itemTimeout(), false);
    RunDirectory run = Bench.scratchRun();
    TrafficControl traffic = new TrafficControl(Optional.empty(), 2 * options.maxWorkers(), Ticker.SYSTEM);
    try (JournalWriter journal = new JournalWriter(run)) {
      new EvaluationEngine(Bench.httpAgent(emulator, traffic), Bench.cliScorer(), traffic, once, journal,
          new SplitStats(), Clock.systemUTC())
          .run(1, List.of(new EvaluationSpec(1, Split.TRAIN, Bench.questions("warm", 40), "")), Map.of());
    } finally {
      Bench.deleteTree(run.root().getParent());
    }
  }

  private static void check(EvaluationResult result, int train, int test, int repeats) {
    long trainItems = result.train().items();
    long testItems = result.test().orElseThrow().items();
    if (trainItems != (long) train * repeats || testItems != (long) test * repeats) {
      throw new IllegalStateException("missing rows: train " + trainItems + ", test " + testItems);
    }
  }

  private static void report(String mode, int round, Timing t) {
    SplitStats s = t.stats();
    double trainMs = s.meanConversationMs(Split.TRAIN);
    double testMs = s.meanConversationMs(Split.TEST);
    double idealTrain = s.items(Split.TRAIN) * trainMs / WORKERS / 1000;
    double idealTest = s.items(Split.TEST) * testMs / WORKERS / 1000;
    // the ideal of the design: the two splits overlap, each on its own workers
    double idealParallel = Math.max(idealTrain, idealTest);
    double idealSequential = idealTrain + idealTest;
    double trainWall = (s.lastFinishNanos(Split.TRAIN) - t.startNanos()) / 1e9;
    double testWall = (s.lastFinishNanos(Split.TEST) - t.startNanos()) / 1e9;
    System.out.println(Bench.f("%-10s round %d: wall %.2f s | train %d items, mean conversation %.1f ms, done at"
            + " %.2f s | test %d items, mean %.1f ms, done at %.2f s | errors %d",
        mode, round, t.wallSeconds(), s.items(Split.TRAIN), trainMs, trainWall, s.items(Split.TEST), testMs,
        testWall, s.errors(Split.TRAIN) + s.errors(Split.TEST)));
    System.out.println(Bench.f("%-10s round %d: ideal (train || test) %.2f s -> wall/ideal = %.3f"
            + " | ideal (test after train) %.2f s -> wall/that = %.3f",
        mode, round, idealParallel, t.wallSeconds() / idealParallel, idealSequential,
        t.wallSeconds() / idealSequential));
    // the floor the emulator sets: two streamAssist calls of 100 ms mean each, nothing else counted
    double nominal = Math.max(s.items(Split.TRAIN), s.items(Split.TEST)) * 0.200 / WORKERS;
    System.out.println(Bench.f("%-10s round %d: nominal floor (2 x 100 ms per conversation) %.2f s -> wall/floor"
        + " = %.3f", mode, round, nominal, t.wallSeconds() / nominal));
    s.errorSamples().forEach(e -> System.out.println("  error row: " + e));
  }
}
