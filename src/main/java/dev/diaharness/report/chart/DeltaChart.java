package dev.diaharness.report.chart;

import dev.diaharness.report.IterationData;
import dev.diaharness.report.RunRecord;
import dev.diaharness.run.Split;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Iteration-to-iteration change of train and test accuracy, in percentage points, one pair of bars per step
 * ({@code 1→2}, {@code 2→3}, …). Needs two iterations with metrics. Stateless.
 */
public final class DeltaChart {
  public static final String FILE = "deltas.png";
  public static final String TITLE = "Accuracy change from the previous iteration";

  private DeltaChart() {}

  public static ChartResult render(RunRecord run, Path dir) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Split split : Split.values()) {
      List<IterationData> with = run.iterations().stream().filter(i -> i.metrics(split).isPresent()).toList();
      for (int k = 1; k < with.size(); k++) {
        double before = with.get(k - 1).metrics(split).orElseThrow().accuracy();
        double now = with.get(k).metrics(split).orElseThrow().accuracy();
        data.addValue((now - before) * 100, split.label(),
            with.get(k - 1).iteration() + "→" + with.get(k).iteration());
      }
    }
    if (data.getRowCount() == 0) {
      return ChartStyle.skip(dir, FILE, TITLE,
          "No iteration deltas: they need at least two iterations with metrics.");
    }
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    for (int r = 0; r < data.getRowCount(); r++) {
      renderer.setSeriesPaint(r, ChartStyle.of(Split.valueOf(data.getRowKey(r).toString()
          .toUpperCase(java.util.Locale.ROOT))));
    }
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("iteration step"),
        new NumberAxis("accuracy change (percentage points)"), renderer);
    JFreeChart chart = new JFreeChart(TITLE, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    return ChartStyle.save(chart, dir, FILE, TITLE, ChartStyle.HEIGHT);
  }
}
