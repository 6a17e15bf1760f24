package dev.diaharness.report.chart;

import dev.diaharness.report.IterationData;
import dev.diaharness.report.RunRecord;
import dev.diaharness.run.Split;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Distribution of per-repeat accuracy per iteration ({@code by_repeat.values}) as a dot plot: one dot per repeat,
 * train left of the iteration, test right, so the spread between repeats shows at a glance. The repeats of one
 * iteration are spread side by side (a fixed jitter by repeat number), so identical accuracies do not hide each
 * other. Stateless.
 */
public final class RepeatChart {
  public static final String FILE = "repeat_distribution.png";
  public static final String TITLE = "Accuracy of each repeat per iteration";

  private RepeatChart() {}

  /** Horizontal offset of repeat {@code k} of {@code n}: centred on the split's place, within ±0.09 iteration. */
  static double jitter(int k, int n) {
    return n <= 1 ? 0 : (k - (n - 1) / 2.0) * Math.min(0.04, 0.18 / (n - 1));
  }

  public static ChartResult render(RunRecord run, Path dir) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Split split : Split.values()) {
      XYSeries series = new XYSeries(split.label() + " (one dot per repeat)", false, true);
      double offset = split == Split.TRAIN ? -0.12 : 0.12;
      for (IterationData it : run.iterations()) {
        it.metrics(split).ifPresent(m -> {
          List<Double> values = m.estimates().byRepeat().values();
          for (int k = 0; k < values.size(); k++) {
            series.add(it.iteration() + offset + jitter(k, values.size()), values.get(k) * 100);
          }
        });
      }
      if (series.getItemCount() > 0) {
        data.addSeries(series);
      }
    }
    if (data.getSeriesCount() == 0) {
      return ChartStyle.skip(dir, FILE, TITLE, "No repeat distribution: no iteration has per-repeat accuracy yet.");
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    for (int s = 0; s < data.getSeriesCount(); s++) {
      Split split = data.getSeriesKey(s).toString().startsWith("train") ? Split.TRAIN : Split.TEST;
      renderer.setSeriesPaint(s, ChartStyle.of(split));
      renderer.setSeriesShape(s, new Ellipse2D.Double(-4, -4, 8, 8));
    }
    XYPlot plot = new XYPlot(data, ChartStyle.iterationAxis(AccuracyChart.first(run), AccuracyChart.last(run)),
        ChartStyle.percentAxis("accuracy of the repeat (%)"), renderer);
    JFreeChart chart = new JFreeChart(TITLE, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    return ChartStyle.save(chart, dir, FILE, TITLE, ChartStyle.HEIGHT);
  }
}
