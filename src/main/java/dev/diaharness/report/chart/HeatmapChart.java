package dev.diaharness.report.chart;

import dev.diaharness.report.IterationData;
import dev.diaharness.report.NaturalOrder;
import dev.diaharness.report.RunRecord;
import dev.diaharness.run.QuestionStats;
import dev.diaharness.run.Split;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;

/**
 * Question × iteration heatmap of each question's pass rate over its repeats, from the per-question stats the run
 * wrote ({@link IterationData#questions}): red = never passed, amber = flaky, green = always passed; a missing cell
 * means the question has no result in that iteration. One chart per split. Stateless.
 */
public final class HeatmapChart {
  private HeatmapChart() {}

  public static String file(Split split) {
    return "heatmap_" + split.label() + ".png";
  }

  public static String title(Split split) {
    return "Pass rate per " + split.label() + " question and iteration";
  }

  public static ChartResult render(RunRecord run, Path dir, Split split) {
    TreeSet<String> ids = new TreeSet<>(NaturalOrder.INSTANCE);
    run.iterations().forEach(it -> ids.addAll(it.questions(split).keySet()));
    if (ids.isEmpty()) {
      return ChartStyle.skip(dir, file(split), title(split), "No " + split.label() + " heatmap: the run has no "
          + split.label() + " rows.");
    }
    List<String> questions = new ArrayList<>(ids);
    JFreeChart chart = PassRateGrid.chart(run, title(split), "question", questions, cells(run, split, questions),
        "pass rate over repeats (%)");
    int height = Math.min(4000, Math.max(ChartStyle.HEIGHT, 120 + 22 * questions.size()));
    return ChartStyle.save(chart, dir, file(split), title(split), height);
  }

  /** {iteration, question index, pass rate over the question's repeats} per question with rows in an iteration. */
  private static List<double[]> cells(RunRecord run, Split split, List<String> questions) {
    List<double[]> cells = new ArrayList<>();
    for (IterationData it : run.iterations()) {
      Map<String, QuestionStats> stats = it.questions(split);
      for (int q = 0; q < questions.size(); q++) {
        QuestionStats s = stats.get(questions.get(q));
        if (s != null) {
          cells.add(new double[] {it.iteration(), q, s.passRate()});
        }
      }
    }
    return cells;
  }
}
