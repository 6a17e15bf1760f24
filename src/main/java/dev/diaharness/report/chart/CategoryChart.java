package dev.diaharness.report.chart;

import dev.diaharness.report.IterationData;
import dev.diaharness.report.RunRecord;
import dev.diaharness.sql.ComponentCategory;
import java.awt.Color;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Mean partial-credit score per rubric category ({@code category_means}) of the training split, one bar per
 * iteration in colours that can be told apart however many iterations there are ({@link ChartStyle#palette});
 * each category's maximum is in its label. Stateless.
 */
public final class CategoryChart {
  public static final String FILE = "category_means.png";
  public static final String TITLE = "Mean score per rubric category (training)";

  /** The rubric categories by their JSON name (the keys of {@code category_means}), with their maxima. */
  static final Map<String, Integer> MAXIMA = new LinkedHashMap<>();

  static {
    for (ComponentCategory category : ComponentCategory.values()) {
      MAXIMA.put(category.key(), category.max());
    }
  }

  private CategoryChart() {}

  public static ChartResult render(RunRecord run, Path dir) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (IterationData it : run.iterations()) {
      it.train().ifPresent(m -> MAXIMA.forEach((name, max) -> {
        Double mean = m.outcomes().categoryMeans().get(name);
        if (mean != null) {
          data.addValue(mean, "iteration " + it.iteration(), name + " (max " + max + ")");
        }
      }));
    }
    if (data.getRowCount() == 0) {
      return ChartStyle.skip(dir, FILE, TITLE, "No category chart: no training metrics with category means yet.");
    }
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    List<Color> colours = ChartStyle.palette(data.getRowCount());
    for (int r = 0; r < colours.size(); r++) {
      renderer.setSeriesPaint(r, colours.get(r));
    }
    CategoryAxis axis = new CategoryAxis("rubric category");
    axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    CategoryPlot plot = new CategoryPlot(data, axis, new NumberAxis("mean score (points)"), renderer);
    JFreeChart chart = new JFreeChart(TITLE, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    return ChartStyle.save(chart, dir, FILE, TITLE, ChartStyle.HEIGHT);
  }
}
