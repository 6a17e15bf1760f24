package dev.diaharness.report.chart;

import dev.diaharness.report.IterationData;
import dev.diaharness.report.NaturalOrder;
import dev.diaharness.report.QuestionStats;
import dev.diaharness.report.RunRecord;
import dev.diaharness.run.Split;
import java.awt.Color;
import java.awt.Paint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Question × iteration heatmap of each question's pass rate over its repeats, from the eval rows: red = never
 * passed, amber = flaky, green = always passed; a missing cell means the question has no row in that iteration.
 * One chart per split. Stateless.
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
    run.iterations().forEach(it -> it.rows(split).forEach(r -> ids.add(r.key().questionId())));
    if (ids.isEmpty()) {
      return ChartStyle.skip(dir, file(split), title(split), "No " + split.label() + " heatmap: the run has no "
          + split.label() + " rows.");
    }
    List<String> questions = new ArrayList<>(ids);
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("pass rate", cells(run, split, questions));
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(new PassRateScale());
    NumberAxis x = ChartStyle.iterationAxis(AccuracyChart.first(run), AccuracyChart.last(run));
    SymbolAxis y = new SymbolAxis("question", questions.toArray(new String[0]));
    y.setInverted(true);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    JFreeChart chart = new JFreeChart(title(split), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    NumberAxis scaleAxis = ChartStyle.percentAxis("pass rate over repeats (%)");
    scaleAxis.setRange(0, 1);
    scaleAxis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.25, new java.text.DecimalFormat("0%")));
    PaintScaleLegend legend = new PaintScaleLegend(new PassRateScale(), scaleAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 4, 4, 4);
    chart.addSubtitle(legend);
    int height = Math.min(4000, Math.max(ChartStyle.HEIGHT, 120 + 22 * questions.size()));
    return ChartStyle.save(chart, dir, file(split), title(split), height);
  }

  private static double[][] cells(RunRecord run, Split split, List<String> questions) {
    List<double[]> cells = new ArrayList<>();
    for (IterationData it : run.iterations()) {
      Map<String, QuestionStats> stats = QuestionStats.of(it.rows(split));
      for (int q = 0; q < questions.size(); q++) {
        QuestionStats s = stats.get(questions.get(q));
        if (s != null) {
          cells.add(new double[] {it.iteration(), q, s.passRate()});
        }
      }
    }
    double[][] xyz = new double[3][cells.size()];
    for (int i = 0; i < cells.size(); i++) {
      for (int k = 0; k < 3; k++) {
        xyz[k][i] = cells.get(i)[k];
      }
    }
    return xyz;
  }

  /** Red (0) → amber (0.5) → green (1). */
  static final class PassRateScale implements PaintScale {
    private static final Color RED = new Color(0xD32F2F);
    private static final Color AMBER = new Color(0xFFB300);
    private static final Color GREEN = new Color(0x388E3C);

    @Override
    public double getLowerBound() {
      return 0;
    }

    @Override
    public double getUpperBound() {
      return 1;
    }

    @Override
    public Paint getPaint(double value) {
      double v = Math.max(0, Math.min(1, value));
      return v < 0.5 ? mix(RED, AMBER, v * 2) : mix(AMBER, GREEN, (v - 0.5) * 2);
    }

    private static Color mix(Color a, Color b, double t) {
      return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
          (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
          (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
  }
}
