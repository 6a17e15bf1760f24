package dev.diaharness.report.chart;

import dev.diaharness.run.Split;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;

/**
 * The shared look of the charts — one colour per split, white background, light grid, fixed fonts and sizes — and
 * writing a chart as PNG. Sets {@code java.awt.headless=true} before any AWT class loads, so charts render on a
 * server with no display. Stateless.
 */
public final class ChartStyle {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  public static final Color TRAIN = new Color(0x1565C0);
  public static final Color TEST = new Color(0xEF6C00);
  static final Color GRID = new Color(0xDDDDDD);
  static final int WIDTH = 900;
  static final int HEIGHT = 500;

  private ChartStyle() {}

  public static Color of(Split split) {
    return split == Split.TRAIN ? TRAIN : TEST;
  }

  /** Applies the common look to a finished chart. */
  static JFreeChart styled(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    chart.setAntiAlias(true);
    Plot plot = chart.getPlot();
    plot.setBackgroundPaint(Color.WHITE);
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(GRID);
      xy.setRangeGridlinePaint(GRID);
      xy.setDomainGridlineStroke(new BasicStroke(1f));
      xy.setRangeGridlineStroke(new BasicStroke(1f));
    } else if (plot instanceof CategoryPlot cat) {
      cat.setRangeGridlinePaint(GRID);
      cat.setRangeGridlineStroke(new BasicStroke(1f));
    }
    return chart;
  }

  /** A 0–100 percent axis. */
  static NumberAxis percentAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setRange(0, 100);
    axis.setTickUnit(new NumberTickUnit(10));
    return axis;
  }

  /** An axis of iteration numbers from {@code first} to {@code last}, whole numbers only. */
  static NumberAxis iterationAxis(int first, int last) {
    NumberAxis axis = new NumberAxis("iteration");
    axis.setRange(first - 0.5, last + 0.5);
    axis.setTickUnit(new NumberTickUnit(1));
    return axis;
  }

  /** Writes {@code chart} as {@code dir/name} and returns the result with its path relative to the run folder. */
  static ChartResult save(JFreeChart chart, Path dir, String name, String title, int height) {
    try {
      Files.createDirectories(dir);
      ChartUtils.saveChartAsPNG(dir.resolve(name).toFile(), styled(chart), WIDTH, height);
      return ChartResult.drawn(title, dir.getFileName() + "/" + name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the chart " + dir.resolve(name), e);
    }
  }

  /** Removes a chart file left by an earlier render when the chart is no longer drawn. */
  static ChartResult skip(Path dir, String name, String title, String why) {
    try {
      Files.deleteIfExists(dir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the stale chart " + dir.resolve(name), e);
    }
    return ChartResult.skipped(title, why);
  }
}
