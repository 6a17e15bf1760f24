package dev.diaharness.report.chart;

import dev.diaharness.report.RunRecord;
import java.awt.Color;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A rows × iterations grid whose cells are coloured by a rate, red (0) → amber → green (1), with the colour scale
 * on the right: what the question heatmap and the tag chart both draw. Stateless.
 */
final class PassRateGrid {
  private PassRateGrid() {}

  /**
   * The grid; a row without a value in an iteration stays blank.
   *
   * @param rowAxis    the label of the vertical axis, e.g. {@code question}
   * @param rows       the row names, top to bottom
   * @param cells      one {@code {iteration, row index, rate in [0, 1]}} per cell that has a value
   * @param scaleLabel the label of the colour scale
   */
  static JFreeChart chart(RunRecord run, String title, String rowAxis, List<String> rows, List<double[]> cells,
      String scaleLabel) {
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries(scaleLabel, xyz(cells));
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(new PassRateScale());
    SymbolAxis y = new SymbolAxis(rowAxis, rows.toArray(new String[0]));
    y.setInverted(true);
    NumberAxis x = ChartStyle.iterationAxis(AccuracyChart.first(run), AccuracyChart.last(run));
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, new XYPlot(data, x, y, renderer), false);
    NumberAxis scaleAxis = new NumberAxis(scaleLabel);
    scaleAxis.setRange(0, 1);
    scaleAxis.setTickUnit(new NumberTickUnit(0.25, new DecimalFormat("0%")));
    PaintScaleLegend legend = new PaintScaleLegend(new PassRateScale(), scaleAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 4, 4, 4);
    chart.addSubtitle(legend);
    return chart;
  }

  /** The cells as the three parallel arrays (x, y, z) JFreeChart's dataset takes. */
  private static double[][] xyz(List<double[]> cells) {
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
