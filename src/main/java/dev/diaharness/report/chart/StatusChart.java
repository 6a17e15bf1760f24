package dev.diaharness.report.chart;

import dev.diaharness.report.IterationData;
import dev.diaharness.report.RunRecord;
import dev.diaharness.report.StatusStyle;
import dev.diaharness.run.Split;
import dev.diaharness.scoring.Status;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Status breakdown per iteration and split: stacked bars of {@code status_counts} (items), one fixed colour per
 * {@link Status} ({@link StatusStyle}), statuses in their declared order (passes at the bottom). Stateless.
 */
public final class StatusChart {
  public static final String FILE = "status_breakdown.png";
  public static final String TITLE = "Status of every answer per iteration";

  private StatusChart() {}

  public static ChartResult render(RunRecord run, Path dir) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Status status : Status.values()) {
      for (IterationData it : run.iterations()) {
        for (Split split : Split.values()) {
          it.metrics(split).ifPresent(m -> {
            Long n = m.outcomes().statusCounts().get(status.name());
            if (n != null && n > 0) {
              data.addValue(n, label(status), "#" + it.iteration() + " " + split.label());
            }
          });
        }
      }
    }
    if (data.getRowCount() == 0) {
      return ChartStyle.skip(dir, FILE, TITLE, "No status breakdown: no iteration has status counts yet.");
    }
    StackedBarRenderer renderer = new StackedBarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    for (int r = 0; r < data.getRowCount(); r++) {
      renderer.setSeriesPaint(r, StatusStyle.colour(statusOf(data.getRowKey(r).toString())));
    }
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("iteration and split"),
        new NumberAxis("answers (count of question × repeat)"), renderer);
    JFreeChart chart = new JFreeChart(TITLE, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    return ChartStyle.save(chart, dir, FILE, TITLE, ChartStyle.HEIGHT);
  }

  static String label(Status status) {
    return status.name() + " – " + StatusStyle.label(status);
  }

  private static Status statusOf(String label) {
    return Status.valueOf(label.substring(0, label.indexOf(' ')));
  }
}
