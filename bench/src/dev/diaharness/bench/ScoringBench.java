package dev.diaharness.bench;

import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.dataset.GoldenSetLoader;
import dev.diaharness.scoring.Scorer;
import dev.diaharness.scoring.ScorerSetup;
import dev.diaharness.scoring.ScoringInput;
import dev.diaharness.scoring.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Benchmark 4, scoring throughput (issue 3): SQL pairs per second through the whole pipeline (no SQL → exact match →
 * sandboxed execution on the example tables → K database variants), built by {@code scoring.ScorerSetup} as a run builds it, on
 * two scoring threads (the engine's scoring pool on this machine). Pairs come from the 68 questions of
 * {@code examples/ecommerce} (golden + test set):
 * <ul>
 *   <li><b>rewrite</b>: the expected SQL wrapped as {@code SELECT * FROM (…) AS t} — not an exact match, equal
 *       results, so every variant is run (the costly case: a correct answer);</li>
 *   <li><b>mixed</b>: half rewrites, half another question's SQL (usually decided on the local data alone).</li>
 * </ul>
 * Pairs cycle through all questions in order, as an evaluation's repeat-major items do. Each measurement is
 * preceded by one pass (variants and expected results built and cached) that is reported apart as the first pass.
 *
 * <p>Arguments: {@code [rounds] [questions] [data dir] [golden set] [test set]} (defaults: 2, all, examples/ecommerce/…);
 * {@code questions} keeps only the first N questions (a working set that fits the variant cache of 32 literal sets).
 */
public final class ScoringBench {
  private static final int THREADS = 2;
  /** timed passes continue until at least this long has been measured */
  private static final double MIN_SECONDS = 4.0;

  private ScoringBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
    Path data = Path.of(args.length > 2 ? args[2] : "examples/ecommerce/data");
    List<GoldenCase> cases = new ArrayList<>(GoldenSetLoader.load(
        Path.of(args.length > 3 ? args[3] : "examples/ecommerce/golden_set.json")).cases());
    cases.addAll(GoldenSetLoader.load(Path.of(args.length > 4 ? args[4] : "examples/ecommerce/test_set.json"))
        .cases());
    if (cases.size() > limit) {
      cases = new ArrayList<>(cases.subList(0, limit));
    }
    System.out.println("# scoring throughput: " + Bench.machine());
    System.out.println(Bench.f("# %d questions from %s, %d scoring threads, timed passes over the pairs for at"
        + " least %.0f s", cases.size(), data, THREADS, MIN_SECONDS));
    for (int round = 1; round <= rounds; round++) {
      for (int k : new int[] {0, 8}) {
        for (String mix : new String[] {"rewrite", "mixed"}) {
          measure(round, data, k, mix, cases);
        }
      }
    }
  }

  private static List<ScoringInput> pairs(String mix, List<GoldenCase> cases) {
    List<ScoringInput> pairs = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      GoldenCase c = cases.get(i);
      String generated = "rewrite".equals(mix) || i % 2 == 0
          ? "SELECT * FROM (" + c.expectedSql() + ") AS t"
          : cases.get((i + 7) % cases.size()).expectedSql();
      pairs.add(new ScoringInput(c, Optional.of(generated), "", "", ""));
    }
    return pairs;
  }

  private static void measure(int round, Path data, int k, String mix, List<GoldenCase> cases) throws Exception {
    List<ScoringInput> pairs = pairs(mix, cases);
    long setupStart = System.nanoTime();
    try (Pipeline pipeline = Pipeline.open(data, k, 42)) {
      double setup = (System.nanoTime() - setupStart) / 1e9;
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        double cold = time(pool, pipeline.scorer, pairs, 1, statuses);
        statuses.clear();
        double warm = 0;
        long n = 0;
        while (warm < MIN_SECONDS) {
          warm += time(pool, pipeline.scorer, pairs, 1, statuses);
          n += pairs.size();
        }
        Map<String, Long> counts = new TreeMap<>();
        statuses.forEach((s, c) -> counts.put(s, c.sum()));
        System.out.println(Bench.f("variants %d %-7s round %d: %.0f pairs/s (%d pairs in %.2f s); first pass %.0f"
                + " pairs/s; setup %.2f s; statuses %s", k, mix, round, n / warm, n, warm,
            pairs.size() / cold, setup, counts));
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** Scores {@code passes} passes over the pairs on the pool; returns the wall seconds. */
  private static double time(ExecutorService pool, Scorer scorer, List<ScoringInput> pairs, int passes,
      Map<String, LongAdder> statuses) throws Exception {
    AtomicInteger next = new AtomicInteger();
    int total = pairs.size() * passes;
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      workers.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
          Status s = scorer.score(pairs.get(i % pairs.size())).status();
          statuses.computeIfAbsent(s.name(), x -> new LongAdder()).increment();
        }
      }));
    }
    for (Future<?> w : workers) {
      w.get();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** The scorer exactly as a run builds it ({@link ScorerSetup}), without a judge. */
  private static final class Pipeline implements AutoCloseable {
    final Scorer scorer;
    private final ScorerSetup setup;

    private Pipeline(ScorerSetup setup) {
      this.setup = setup;
      this.scorer = setup.scorer();
    }

    static Pipeline open(Path data, int k, long seed) {
      return new Pipeline(ScorerSetup.open(Optional.of(data), k, seed, Optional.empty()));
    }

    @Override
    public void close() {
      setup.close();
    }
  }
}
