package dev.diaharness.run;

import dev.diaharness.core.OrderedMaps;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one split in one iteration (SPEC §6). Every accuracy is a fraction 0–1 and has ONE definition:
 * the share of PASS among all items (questions × repeats); errors and undecided items count as not passed.
 *
 * @param accuracy              PASS items / all items
 * @param byRepeat              accuracy of each repeat, and its mean/std/min/max
 * @param questionLevelAccuracy mean over questions of each question's pass rate (equals {@code accuracy} when every
 *                              question has all its repeats)
 * @param ci95Low               95% interval of {@code accuracy}: bootstrap over questions (2,000 resamples, seeded),
 *                              Wilson on items when there is a single question
 * @param passAtK               k → chance that at least one of k repeats passes (unbiased estimator), k = 1..repeats
 * @param passHatK              k → chance that all k repeats pass (pass^k), k = 1..repeats
 * @param flakyQuestions        ids of questions that passed some repeats and failed others
 * @param questionPassRates     question id → its pass rate
 * @param categoryMeans         category → mean score (data_source, filtering, …)
 * @param statusCounts          status name → items
 * @param errorCounts           error kind → items (agent errors by kind, GOLD_ERROR)
 * @param byTag                 tag → accuracy of the questions carrying it, tags with more questions first (equal
 *                              sizes in the set's order); empty when the set has no tags
 * @param byComplexity          complexity → accuracy of those questions, Simple, Medium, Complex first (other values
 *                              after them, in the set's order); empty when the set gives none
 * @param perQuestion           question id → its repeats, passes, errors, statuses and text (sorted by id); what
 *                              the report's per-question table, failures and heatmap show. Empty when read from a
 *                              file written before it existed: {@code report} then folds the rows again
 *                              ({@link SplitAggregator#questionStats})
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SplitMetrics(
    Split split,
    int questions,
    int repeats,
    long items,
    long passed,
    double accuracy,
    RepeatAccuracy byRepeat,
    double questionLevelAccuracy,
    double ci95Low,
    double ci95High,
    Map<Integer, Double> passAtK,
    Map<Integer, Double> passHatK,
    List<String> flakyQuestions,
    Map<String, Double> questionPassRates,
    double meanScore,
    Map<String, Double> categoryMeans,
    Map<String, Long> statusCounts,
    Map<String, Long> errorCounts,
    long latencyP50Ms,
    long latencyP95Ms,
    long agentCalls,
    Map<String, GroupAccuracy> byTag,
    Map<String, GroupAccuracy> byComplexity,
    Map<String, QuestionStats> perQuestion) {

  public SplitMetrics {
    passAtK = OrderedMaps.copyOf(passAtK);
    passHatK = OrderedMaps.copyOf(passHatK);
    flakyQuestions = List.copyOf(flakyQuestions);
    questionPassRates = OrderedMaps.copyOf(questionPassRates);
    categoryMeans = OrderedMaps.copyOf(categoryMeans);
    statusCounts = OrderedMaps.copyOf(statusCounts);
    errorCounts = OrderedMaps.copyOf(errorCounts);
    // kept in the set's order; null when read from a metrics.json written before breakdowns existed
    byTag = byTag == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byTag));
    byComplexity = byComplexity == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byComplexity));
    perQuestion = perQuestion == null ? Map.of() : OrderedMaps.copyOf(perQuestion);
  }

  /**
   * Whether {@link #perQuestion} is missing although items were counted: a file written before it existed, which a
   * reader completes with {@link #withPerQuestion}.
   */
  public boolean lacksPerQuestion() {
    return perQuestion.isEmpty() && items > 0;
  }

  /** These metrics with the per-question stats filled in (see {@link #lacksPerQuestion}). */
  public SplitMetrics withPerQuestion(Map<String, QuestionStats> stats) {
    return new SplitMetrics(split, questions, repeats, items, passed, accuracy, byRepeat, questionLevelAccuracy,
        ci95Low, ci95High, passAtK, passHatK, flakyQuestions, questionPassRates, meanScore, categoryMeans,
        statusCounts, errorCounts, latencyP50Ms, latencyP95Ms, agentCalls, byTag, byComplexity, stats);
  }

  /** Accuracy in percent, for display. */
  public double accuracyPercent() {
    return accuracy * 100;
  }
}
