package dev.diaharness.run;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.util.StdConverter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The file shape of a {@link SplitMetrics}: one flat snake_case JSON object per split in {@code metrics.json} and in
 * the trajectory's {@code metrics}, used only to write and read them. The domain record groups the fields into named
 * parts; this view keeps the shape every existing run folder has, so {@code report}, {@code compare} and
 * {@code --resume} read old runs unchanged (the owning files carry the version). Fields a file written before they
 * existed lacks ({@code by_tag}, {@code by_complexity}, {@code per_question}) are nulls here; {@link #toMetrics()}
 * reads them as empty.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SplitMetricsJson(
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

  /** The file shape of {@code m}. */
  public static SplitMetricsJson of(SplitMetrics m) {
    SplitCounts n = m.counts();
    AccuracyEstimates a = m.estimates();
    OutcomeSummary o = m.outcomes();
    QuestionBreakdown q = m.byQuestion();
    CallStats c = m.calls();
    return new SplitMetricsJson(m.split(), n.questions(), n.repeats(), n.items(), n.passed(), a.accuracy(),
        a.byRepeat(), a.questionLevelAccuracy(), a.ci95Low(), a.ci95High(), a.passAtK(), a.passHatK(), q.flaky(),
        q.passRates(), o.meanScore(), o.categoryMeans(), o.statusCounts(), o.errorCounts(), c.latencyP50Ms(),
        c.latencyP95Ms(), c.agentCalls(), m.groups().byTag(), m.groups().byComplexity(), q.stats());
  }

  /** The metrics this object holds; absent breakdowns and per-question stats are empty. */
  public SplitMetrics toMetrics() {
    return new SplitMetrics(split,
        new SplitCounts(questions, repeats, items, passed),
        new AccuracyEstimates(accuracy, byRepeat, questionLevelAccuracy, ci95Low, ci95High, passAtK, passHatK),
        new OutcomeSummary(meanScore, categoryMeans, statusCounts, errorCounts),
        new QuestionBreakdown(flakyQuestions, questionPassRates, orEmpty(perQuestion)),
        new GroupBreakdown(orEmpty(byTag), orEmpty(byComplexity)),
        new CallStats(latencyP50Ms, latencyP95Ms, agentCalls));
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return Objects.requireNonNullElse(map, Map.of());
  }

  /** Writes a {@link SplitMetrics} as its flat shape. */
  static final class FromMetrics extends StdConverter<SplitMetrics, SplitMetricsJson> {
    @Override
    public SplitMetricsJson convert(SplitMetrics value) {
      return of(value);
    }
  }

  /** Reads a {@link SplitMetrics} from its flat shape. */
  static final class ToMetrics extends StdConverter<SplitMetricsJson, SplitMetrics> {
    @Override
    public SplitMetrics convert(SplitMetricsJson value) {
      return value.toMetrics();
    }
  }
}
