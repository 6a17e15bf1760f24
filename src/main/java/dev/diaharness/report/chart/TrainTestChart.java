package dev.diaharness.report.chart;

import dev.diaharness.report.IterationData;
import dev.diaharness.report.RunRecord;
import dev.diaharness.run.Split;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Train vs test accuracy as paired bars per iteration: a train bar far above its test bar is overfitting. Needs a
 * test split. Stateless.
 */
public final class TrainTestChart {
  public static final String FILE = "train_vs_test.png";
  public static final String TITLE = "Train vs test accuracy per iteration";

  private TrainTestChart() {}

  public static ChartResult render(RunRecord run, Path dir) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    boolean anyTest = false;
    for (IterationData it : run.iterations()) {
      if (it.train().isPresent() && it.test().isPresent()) {
        anyTest = true;
        for (Split split : Split.values()) {
          data.addValue(it.metrics(split).orElseThrow().accuracy() * 100, split.label(), "#" + it.iteration());
        }
      }
    }
    if (!anyTest) {
      return ChartStyle.skip(dir, FILE, TITLE, "No train vs test chart: the run has no test metrics.");
    }
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, ChartStyle.TRAIN);
    renderer.setSeriesPaint(1, ChartStyle.TEST);
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("iteration"),
        ChartStyle.percentAxis("accuracy (%)"), renderer);
    JFreeChart chart = new JFreeChart(TITLE, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    return ChartStyle.save(chart, dir, FILE, TITLE, ChartStyle.HEIGHT);
  }
}
