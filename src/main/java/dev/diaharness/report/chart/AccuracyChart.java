package dev.diaharness.report.chart;

import dev.diaharness.report.IterationData;
import dev.diaharness.report.RunRecord;
import dev.diaharness.run.Split;
import dev.diaharness.run.SplitMetrics;
import java.awt.BasicStroke;
import java.nio.file.Path;
import java.awt.Font;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Accuracy per iteration for train and test, each point with its 95% interval ({@code ci95_low..ci95_high}) as an
 * error bar. Test points sit slightly right of their iteration so the bars do not hide each other. A run of one
 * iteration gets bars, labelled with the accuracy and its interval, instead of lines of one point. Stateless.
 */
public final class AccuracyChart {
  public static final String FILE = "accuracy.png";
  public static final String TITLE = "Accuracy per iteration (95% interval)";

  private AccuracyChart() {}

  public static ChartResult render(RunRecord run, Path dir) {
    return chart(run).map(chart -> ChartStyle.save(chart, dir, FILE, TITLE, ChartStyle.HEIGHT))
        .orElseGet(() -> ChartStyle.skip(dir, FILE, TITLE, "No accuracy chart: no iteration has metrics yet."));
  }

  /** The chart: lines with error bars over iterations, or bars for a single iteration; empty without metrics. */
  static Optional<JFreeChart> chart(RunRecord run) {
    if (run.iterations().size() == 1) {
      return oneIteration(run.iterations().get(0));
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    for (Split split : Split.values()) {
      YIntervalSeries series = series(run, split);
      if (series.getItemCount() > 0) {
        data.addSeries(series);
      }
    }
    if (data.getSeriesCount() == 0) {
      return Optional.empty();
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
    return Optional.of(new JFreeChart(TITLE, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
  }

  private static Optional<JFreeChart> oneIteration(IterationData it) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    Map<String, String> labels = new HashMap<>();
    for (Split split : Split.values()) {
      it.metrics(split).ifPresent(m -> {
        data.addValue(m.accuracy() * 100, split.label(), "iteration " + it.iteration());
        labels.put(split.label(), String.format(Locale.ROOT, "%.1f%% [%.1f–%.1f]", m.accuracy() * 100,
            m.estimates().ci95Low() * 100, m.estimates().ci95High() * 100));
      });
    }
    if (data.getRowCount() == 0) {
      return Optional.empty();
    }
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setMaximumBarWidth(0.25);
    for (int r = 0; r < data.getRowCount(); r++) {
      renderer.setSeriesPaint(r, ChartStyle.of(Split.valueOf(data.getRowKey(r).toString()
          .toUpperCase(Locale.ROOT))));
    }
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
      @Override
      public String generateLabel(CategoryDataset dataset, int row, int column) {
        return labels.get(dataset.getRowKey(row).toString());
      }
    });
    renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    renderer.setDefaultItemLabelsVisible(true);
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), ChartStyle.percentAxis("accuracy (%)"),
        renderer);
    return Optional.of(new JFreeChart(TITLE, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
  }

  private static YIntervalSeries series(RunRecord run, Split split) {
    YIntervalSeries series = new YIntervalSeries(split.label());
    double offset = split == Split.TEST ? 0.06 : 0;
    for (IterationData it : run.iterations()) {
      Optional<SplitMetrics> m = it.metrics(split);
      m.ifPresent(x -> series.add(it.iteration() + offset, x.accuracy() * 100, x.estimates().ci95Low() * 100,
          x.estimates().ci95High() * 100));
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
