package dev.diaharness.report.chart;

import dev.diaharness.run.Split;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
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

  /** Tableau 10: the first colours of {@link #palette}, told apart also by most colour-blind readers. */
  private static final int[] QUALITATIVE = {0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2,
      0x7F7F7F, 0xBCBD22, 0x17BECF};

  private ChartStyle() {}

  /**
   * {@code n} colours that can be told apart, for one series per iteration however many there are: Tableau 10 first,
   * then, one by one, the colour of a grid (24 hues × 3 saturations × 3 brightnesses) farthest from every colour
   * chosen so far. Deterministic: the same {@code n} always gives the same colours, and a longer palette starts with
   * a shorter one.
   */
  public static List<Color> palette(int n) {
    List<Color> chosen = new ArrayList<>();
    for (int i = 0; i < Math.min(n, QUALITATIVE.length); i++) {
      chosen.add(new Color(QUALITATIVE[i]));
    }
    List<Color> grid = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      for (float saturation : new float[] {0.45f, 0.7f, 0.95f}) {
        for (float brightness : new float[] {0.45f, 0.65f, 0.85f}) {
          grid.add(Color.getHSBColor(h / 24f, saturation, brightness));
        }
      }
    }
    while (chosen.size() < n) {
      Color farthest = grid.get(0);
      double best = -1;
      for (Color candidate : grid) {
        double nearest = Double.MAX_VALUE;
        for (Color c : chosen) {
          nearest = Math.min(nearest, distance(candidate, c));
        }
        if (nearest > best) {
          best = nearest;
          farthest = candidate;
        }
      }
      chosen.add(farthest);
    }
    return chosen;
  }

  /** How different two colours look ("redmean" weighted RGB distance; 0 = the same, about 765 = black/white). */
  public static double distance(Color a, Color b) {
    double redMean = (a.getRed() + b.getRed()) / 2.0;
    int dr = a.getRed() - b.getRed();
    int dg = a.getGreen() - b.getGreen();
    int db = a.getBlue() - b.getBlue();
    return Math.sqrt((2 + redMean / 256) * dr * dr + 4 * dg * dg + (2 + (255 - redMean) / 256) * db * db);
  }

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
