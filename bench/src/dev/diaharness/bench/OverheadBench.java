package dev.diaharness.bench;

import dev.diaharness.agent.Agent;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.emulator.EmbeddedEmulator;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.LatencyPlan;
import dev.diaharness.run.EvaluationResult;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.RunDirectory;
import dev.diaharness.run.RunEvaluation;
import dev.diaharness.run.RunListener;
import dev.diaharness.run.RunOptions;
import dev.diaharness.run.Ticker;
import dev.diaharness.run.TrafficControl;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Benchmark 2, engine overhead (issue 5), with scoring off and the journal on:
 * <ol>
 *   <li>conversations per second with zero emulator latency through the real REST client over loopback HTTP (three
 *       HTTP calls per conversation, the emulator in the same JVM on the same cores);</li>
 *   <li>the same with an in-process agent (no HTTP), which isolates scheduler + journal + aggregation;</li>
 *   <li>heap after 10,000 and after 100,000 items (1,000 questions × 10 or × 100 repeats, in-process agent taking
 *       1 ms a question): used heap after forced GCs before the run, when a tenth of the items had finished (all
 *       items are submitted by then: the pending work), when the last item finished (everything the run still
 *       holds) and after the run.</li>
 * </ol>
 * Arguments: {@code [rounds]} (default 2).
 */
public final class OverheadBench {
  private static final int WORKERS = 10;

  private OverheadBench() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    List<String> parts = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("http", "in-process", "heap");
    System.out.println("# overhead: " + Bench.machine() + " gc=" + gcNames());
    if (parts.contains("http")) {
      try (EmbeddedEmulator emulator = Bench.emulator(LatencyPlan.none(), FaultPlan.none())) {
        throughput("http", emulator, 200, 10); // warm-up: 2,000 conversations
        for (int round = 1; round <= rounds; round++) {
          report("http       ", round, throughput("http", emulator, 200, 100));
        }
      }
    }
    if (parts.contains("in-process")) {
      throughput("in-process", null, 200, 10); // warm-up
      for (int round = 1; round <= rounds; round++) {
        report("in-process ", round, throughput("in-process", null, 1000, 100));
      }
    }
    if (parts.contains("heap")) {
      heap(0, 1); // round 0 = warm-up: loads the classes, so round 1's "before" is comparable
      for (int round = 1; round <= rounds; round++) {
        for (int repeats : new int[] {10, 100}) {
          heap(round, repeats);
        }
      }
    }
  }

  private static String gcNames() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
        .collect(Collectors.joining("+"));
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private record Result(long items, double seconds, long errors, List<String> errorSamples, double cpuSeconds,
      String cpuByGroup, long gcMillis) {
    double perSecond() {
      return items / seconds;
    }
  }

  /** One evaluation of {@code questions × repeats} items (train only) through {@link RunEvaluation}. */
  private static Result throughput(String mode, EmbeddedEmulator emulator, int questions, int repeats) {
    RunOptions options = new RunOptions(repeats, WORKERS, Optional.empty(), Duration.ofMinutes(5), false);
    TrafficControl traffic = new TrafficControl(Optional.empty(), 2 * WORKERS, Ticker.SYSTEM);
    Agent agent = emulator == null ? Bench.inProcessAgent() : Bench.httpAgent(emulator, traffic);
    SplitStats stats = new SplitStats();
    RunDirectory run = Bench.scratchRun();
    try (RunEvaluation evaluation = new RunEvaluation(run, agent, Bench.noScorer(), traffic, options, stats,
        Bench.questions(mode, questions), Optional.empty(), Clock.systemUTC())) {
      CpuSampler cpu = new CpuSampler();
      long gcBefore = gcMillis();
      long start = System.nanoTime();
      EvaluationResult result = evaluation.evaluate(1, "");
      double seconds = (System.nanoTime() - start) / 1e9;
      cpu.close();
      long errors = result.train().errorCounts().values().stream().mapToLong(Long::longValue).sum();
      return new Result(result.train().items(), seconds, errors, stats.errorSamples(), cpu.processCpuSeconds(),
          cpu.byGroup(), gcMillis() - gcBefore);
    } finally {
      Bench.deleteTree(run.root().getParent());
    }
  }

  private static void report(String mode, int round, Result r) {
    System.out.println(Bench.f("%s round %d: %d conversations in %.2f s = %.0f conversations/s (%.0f HTTP"
        + " requests/s if over HTTP), errors %d", mode, round, r.items(), r.seconds(), r.perSecond(),
        3 * r.perSecond(), r.errors()));
    System.out.println(Bench.f("%s round %d: process CPU %.1f s = %.3f ms per conversation (%.1f cores busy);"
        + " GC time %.1f s; by thread: %s", mode, round, r.cpuSeconds(), 1000 * r.cpuSeconds() / r.items(),
        r.cpuSeconds() / r.seconds(), r.gcMillis() / 1000.0, r.cpuByGroup()));
    r.errorSamples().forEach(e -> System.out.println("  error row: " + e));
  }

  /** Heap held by an evaluation of 1,000 questions × {@code repeats}, in-process agent, journal on. */
  private static void heap(int round, int repeats) {
    List<GoldenCase> cases = Bench.questions("heap", 1000);
    RunOptions options = new RunOptions(repeats, WORKERS, Optional.empty(), Duration.ofMinutes(5), false);
    TrafficControl traffic = new TrafficControl(Optional.empty(), 2 * WORKERS, Ticker.SYSTEM);
    AtomicLong atTenth = new AtomicLong();
    AtomicLong atLastItem = new AtomicLong();
    RunListener listener = new RunListener() {
      @Override
      public void itemFinished(ItemResult result, long finished, long total) {
        if (finished == total / 10) {
          // every item is submitted by now (submitting takes ~2 us an item, a tenth of the run takes >= 0.1 s):
          // the engine holds 90% of the items as pending work
          atTenth.set(Bench.usedHeapAfterGc());
        }
        if (finished == total) {
          // on the scoring thread of the last row, before the engine returns: what the run still holds
          atLastItem.set(Bench.usedHeapAfterGc());
        }
      }
    };
    long before = Bench.usedHeapAfterGc();
    RunDirectory run = Bench.scratchRun();
    long items;
    Agent fast = Bench.inProcessAgent();
    Agent agent = question -> {
      Bench.sleepMillis(1); // 10 workers: ~10,000 items/s, so a tenth of the run outlasts submitting all items
      return fast.ask(question);
    };
    try (RunEvaluation evaluation = new RunEvaluation(run, agent, Bench.noScorer(), traffic,
        options, listener, cases, Optional.empty(), Clock.systemUTC())) {
      items = evaluation.evaluate(1, "").train().items();
    } finally {
      Bench.deleteTree(run.root().getParent());
    }
    long after = Bench.usedHeapAfterGc();
    System.out.println(Bench.f("heap        round %d: %,7d items (1,000 questions x %3d repeats): used heap before"
            + " %s, at a tenth of the items %s (+%s), at the last item %s (+%s), after the run %s", round, items,
        repeats, Bench.mb(before), Bench.mb(atTenth.get()), Bench.mb(atTenth.get() - before),
        Bench.mb(atLastItem.get()), Bench.mb(atLastItem.get() - before), Bench.mb(after)));
  }
}
