package dev.diaharness.report.chart;

import dev.diaharness.report.IterationData;
import dev.diaharness.report.RunRecord;
import dev.diaharness.run.Split;
import dev.diaharness.run.SplitMetrics;
import java.awt.BasicStroke;
import java.nio.file.Path;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Accuracy per iteration for train and test, each point with its 95% interval ({@code ci95_low..ci95_high}) as an
 * error bar. Test points sit slightly right of their iteration so the bars do not hide each other. Stateless.
 */
public final class AccuracyChart {
  public static final String FILE = "accuracy.png";
  public static final String TITLE = "Accuracy per iteration (95% interval)";

  private AccuracyChart() {}

  public static ChartResult render(RunRecord run, Path dir) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    for (Split split : Split.values()) {
      YIntervalSeries series = series(run, split);
      if (series.getItemCount() > 0) {
        data.addSeries(series);
      }
    }
    if (data.getSeriesCount() == 0) {
      return ChartStyle.skip(dir, FILE, TITLE, "No accuracy chart: no iteration has metrics yet.");
    }
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDefaultLinesVisible(true);
    renderer.setErrorStroke(new BasicStroke(1.5f));
    renderer.setCapLength(8);
    for (int s = 0; s < data.getSeriesCount(); s++) {
      Split split = Split.valueOf(data.getSeriesKey(s).toString().toUpperCase(java.util.Locale.ROOT));
      renderer.setSeriesPaint(s, ChartStyle.of(split));
      renderer.setSeriesStroke(s, new BasicStroke(2f));
    }
    XYPlot plot = new XYPlot(data, ChartStyle.iterationAxis(first(run), last(run)),
        ChartStyle.percentAxis("accuracy (%)"), renderer);
    JFreeChart chart = new JFreeChart(TITLE, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    return ChartStyle.save(chart, dir, FILE, TITLE, ChartStyle.HEIGHT);
  }

  private static YIntervalSeries series(RunRecord run, Split split) {
    YIntervalSeries series = new YIntervalSeries(split.label());
    double offset = split == Split.TEST ? 0.06 : 0;
    for (IterationData it : run.iterations()) {
      Optional<SplitMetrics> m = it.metrics(split);
      m.ifPresent(x -> series.add(it.iteration() + offset, x.accuracy() * 100, x.ci95Low() * 100,
          x.ci95High() * 100));
    }
    return series;
  }

  static int first(RunRecord run) {
    return run.iterations().get(0).iteration();
  }

  static int last(RunRecord run) {
    return run.iterations().get(run.iterations().size() - 1).iteration();
  }
}
