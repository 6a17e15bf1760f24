package dev.diaharness.run;

import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.scoring.Status;
import dev.diaharness.sql.ComponentCategory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds finished items of one split into {@link SplitMetrics} as they arrive, in memory proportional to the number
 * of questions and repeats, not of items: a run of any length keeps the same footprint. Thread-safe.
 */
public final class SplitAggregator {
  private static final ComponentCategory[] CATEGORIES = ComponentCategory.values();

  private final Split split;
  private final int repeats;
  private final GroupTallies groups;
  // by question id, sorted: the seeded bootstrap interval and the flaky list must not depend on the order items
  // happened to finish in (a resumed evaluation rebuilt from the journal gets the same numbers)
  private final Map<String, QuestionTally> perQuestion = new TreeMap<>();
  private final Map<Integer, long[]> perRepeat = new TreeMap<>(); // {items, passes}
  private final Map<String, Long> statusCounts = new TreeMap<>();
  private final Map<String, Long> errorCounts = new TreeMap<>();
  private final long[] categorySums = new long[CATEGORIES.length];
  private final LatencyHistogram latency = new LatencyHistogram();
  private long items;
  private long passed;
  private long scoreSum;
  private long agentCalls;

  /** An aggregator without tag or complexity breakdown. */
  public SplitAggregator(Split split, int repeats) {
    this(split, repeats, List.of());
  }

  /** @param cases the split's questions: their tags and complexity give the breakdowns */
  public SplitAggregator(Split split, int repeats, List<GoldenCase> cases) {
    this.split = split;
    this.repeats = repeats;
    this.groups = GroupTallies.of(cases);
  }

  public synchronized void add(ItemResult r) {
    boolean pass = r.passed();
    items++;
    passed += pass ? 1 : 0;
    perQuestion.computeIfAbsent(r.key().questionId(), id -> new QuestionTally()).add(r);
    long[] rep = perRepeat.computeIfAbsent(r.key().repeat(), k -> new long[2]);
    rep[0]++;
    rep[1] += pass ? 1 : 0;
    statusCounts.merge(r.verdict().status().name(), 1L, Long::sum);
    r.error().ifPresent(e -> errorCounts.merge(e.kind().name(), 1L, Long::sum));
    addCategories(r.verdict().categories());
    scoreSum += r.verdict().score();
    latency.record(r.timing().latencyMs());
    agentCalls += r.timing().agentCalls();
  }

  private void addCategories(CategoryScores c) {
    for (ComponentCategory category : CATEGORIES) {
      categorySums[category.ordinal()] += c.get(category);
    }
  }

  public synchronized long items() {
    return items;
  }

  public synchronized SplitMetrics metrics() {
    Map<String, QuestionStats> stats = perQuestionStats();
    Map<String, int[]> triesAndPasses = new LinkedHashMap<>();
    stats.forEach((id, q) -> triesAndPasses.put(id, new int[] {q.repeats(), q.passes()}));
    List<int[]> tallies = new ArrayList<>(triesAndPasses.values());
    double[] ci = PassEstimators.interval95(tallies);
    Map<String, Double> rates = new LinkedHashMap<>();
    List<String> flaky = new ArrayList<>();
    stats.forEach((id, q) -> {
      rates.put(id, q.passRate());
      if (q.flaky()) {
        flaky.add(id);
      }
    });
    List<Double> repeatValues = new ArrayList<>();
    perRepeat.values().forEach(r -> repeatValues.add(r[0] == 0 ? 0 : (double) r[1] / r[0]));
    Map<String, Double> categoryMeans = new LinkedHashMap<>();
    for (ComponentCategory category : CATEGORIES) {
      categoryMeans.put(category.key(), items == 0 ? 0 : (double) categorySums[category.ordinal()] / items);
    }
    AccuracyEstimates estimates = new AccuracyEstimates(items == 0 ? 0 : (double) passed / items,
        RepeatAccuracy.of(repeatValues), rates.values().stream().mapToDouble(Double::doubleValue).average().orElse(0),
        ci[0], ci[1], estimator(tallies, true), estimator(tallies, false));
    OutcomeSummary outcomes = new OutcomeSummary(items == 0 ? 0 : (double) scoreSum / items, categoryMeans,
        statusCounts, errorCounts);
    return new SplitMetrics(split, new SplitCounts(perQuestion.size(), repeats, items, passed), estimates, outcomes,
        new QuestionBreakdown(flaky, rates, stats),
        new GroupBreakdown(groups.byTag(triesAndPasses), groups.byComplexity(triesAndPasses)),
        new CallStats(latency.quantile(0.5), latency.quantile(0.95), agentCalls));
  }

  /**
   * The per-question stats of {@code rows} (one row per question and repeat, of one split and iteration), folded
   * exactly as a run folds them: how {@code report} fills in a metrics file written before {@code per_question}
   * existed, or an iteration whose metrics were never written.
   */
  public static Map<String, QuestionStats> questionStats(Collection<ItemResult> rows) {
    SplitAggregator aggregator = new SplitAggregator(Split.TRAIN, 0);
    rows.forEach(aggregator::add);
    return aggregator.perQuestionStats();
  }

  private synchronized Map<String, QuestionStats> perQuestionStats() {
    Map<String, QuestionStats> stats = new LinkedHashMap<>();
    perQuestion.forEach((id, t) -> stats.put(id, t.stats()));
    return stats;
  }

  /** One question's counts so far; guarded by the aggregator's lock. */
  private static final class QuestionTally {
    private final Map<Status, Integer> statuses = new EnumMap<>(Status.class);
    private String question = "";
    private int repeats;
    private int passes;
    private int errors;

    void add(ItemResult r) {
      repeats++;
      passes += r.passed() ? 1 : 0;
      errors += r.isError() ? 1 : 0;
      statuses.merge(r.verdict().status(), 1, Integer::sum);
      if (question.isEmpty()) {
        question = r.question().text();
      }
    }

    QuestionStats stats() {
      return new QuestionStats(question, repeats, passes, errors, statuses);
    }
  }

  /** Mean over questions of pass@k (atLeastOne) or pass^k, for k = 1..repeats; questions with fewer tries skip. */
  private Map<Integer, Double> estimator(List<int[]> tallies, boolean atLeastOne) {
    Map<Integer, Double> byK = new TreeMap<>();
    for (int k = 1; k <= repeats; k++) {
      double sum = 0;
      int counted = 0;
      for (int[] t : tallies) {
        if (t[0] >= k) {
          sum += atLeastOne ? PassEstimators.passAtK(t[0], t[1], k) : PassEstimators.passHatK(t[0], t[1], k);
          counted++;
        }
      }
      if (counted > 0) {
        byK.put(k, sum / counted);
      }
    }
    return byK;
  }
}
