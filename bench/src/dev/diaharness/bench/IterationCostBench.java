package dev.diaharness.bench;

import dev.diaharness.run.RunDirectory;
import dev.diaharness.run.RunEvaluation;
import dev.diaharness.run.RunListener;
import dev.diaharness.run.RunOptions;
import dev.diaharness.run.Split;
import dev.diaharness.run.Ticker;
import dev.diaharness.run.TrafficControl;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 8, what one iteration of a long run costs before its first item starts (issue 15): an evaluation of
 * {@code questions × repeats} items per iteration (in-process agent, scoring off, journal on), {@code iterations}
 * iterations through one {@link RunEvaluation} as {@code optimize} does. For each iteration: the rows the journal
 * already holds, the time from {@code evaluate} to the engine's first callback (finding what the journal holds for
 * this iteration — before issue 15, a parse of the whole journal), and the whole evaluation.
 * Arguments: {@code [iterations] [questions] [repeats]} (default 10 1000 5).
 */
public final class IterationCostBench {
  private IterationCostBench() {}

  public static void main(String[] args) {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int questions = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    System.out.println("# iteration cost: " + Bench.machine() + ", " + iterations + " iterations of " + questions
        + " questions × " + repeats + " repeats");
    RunOptions options = new RunOptions(repeats, 10, Optional.empty(), Duration.ofMinutes(5), false);
    TrafficControl traffic = new TrafficControl(Optional.empty(), 20, Ticker.SYSTEM);
    AtomicLong started = new AtomicLong();
    RunListener listener = new RunListener() {
      @Override
      public void evaluationStarted(int iteration, Split split, long total, long alreadyDone) {
        started.compareAndSet(0, System.nanoTime());
      }
    };
    RunDirectory run = Bench.scratchRun();
    try (RunEvaluation evaluation = new RunEvaluation(run, Bench.inProcessAgent(), Bench.noScorer(), traffic,
        options, listener, Bench.questions("cost", questions), Optional.empty(), Clock.systemUTC())) {
      for (int i = 1; i <= iterations; i++) {
        long journalRows = (long) (i - 1) * questions * repeats;
        started.set(0);
        long begin = System.nanoTime();
        evaluation.evaluate(i, "");
        long end = System.nanoTime();
        System.out.println(Bench.f("iteration %2d: journal held %,7d rows; to first callback %7.1f ms;"
            + " evaluation %6.2f s", i, journalRows, (started.get() - begin) / 1e6, (end - begin) / 1e9));
      }
    } finally {
      Bench.deleteTree(run.root().getParent());
    }
  }
}
