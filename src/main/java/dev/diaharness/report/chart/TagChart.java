package dev.diaharness.report.chart;

import dev.diaharness.report.IterationData;
import dev.diaharness.report.RunRecord;
import dev.diaharness.run.GroupAccuracy;
import dev.diaharness.run.Split;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Accuracy by tag across iterations: a tag × iteration grid coloured by the tag's accuracy (red 0% → amber →
 * green 100%) with the percentage and the tag's question count written in each cell, so any number of tags stays
 * readable (a line per tag would not). One chart per split; a split without tags gets none. Stateless.
 */
public final class TagChart {
  private TagChart() {}

  public static String file(Split split) {
    return "tags_" + split.label() + ".png";
  }

  public static String title(Split split) {
    return "Accuracy by " + split.label() + " tag and iteration";
  }

  public static ChartResult render(RunRecord run, Path dir, Split split) {
    List<String> tags = tags(run, split);
    if (tags.isEmpty()) {
      return ChartStyle.skip(dir, file(split), title(split), "No " + split.label() + " tag chart: the "
          + split.label() + " questions carry no tags.");
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    List<double[]> cells = new ArrayList<>();
    List<XYTextAnnotation> labels = new ArrayList<>();
    for (IterationData it : run.iterations()) {
      it.metrics(split).ifPresent(m -> {
        for (int t = 0; t < tags.size(); t++) {
          GroupAccuracy g = m.byTag().get(tags.get(t));
          if (g != null) {
            cells.add(new double[] {it.iteration(), t, g.accuracy()});
            labels.add(label(it.iteration(), t, g));
          }
        }
      });
    }
    data.addSeries("accuracy", xyz(cells));
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(new HeatmapChart.PassRateScale());
    SymbolAxis y = new SymbolAxis("tag", tags.toArray(new String[0]));
    y.setInverted(true);
    XYPlot plot = new XYPlot(data, ChartStyle.iterationAxis(AccuracyChart.first(run), AccuracyChart.last(run)), y,
        renderer);
    labels.forEach(plot::addAnnotation);
    JFreeChart chart = new JFreeChart(title(split), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    NumberAxis scaleAxis = new NumberAxis("accuracy");
    scaleAxis.setRange(0, 1);
    scaleAxis.setTickUnit(new NumberTickUnit(0.25, new java.text.DecimalFormat("0%")));
    PaintScaleLegend legend = new PaintScaleLegend(new HeatmapChart.PassRateScale(), scaleAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 4, 4, 4);
    chart.addSubtitle(legend);
    int height = Math.min(4000, Math.max(ChartStyle.HEIGHT, 140 + 26 * tags.size()));
    return ChartStyle.save(chart, dir, file(split), title(split), height);
  }

  /** The split's tags in metrics.json's order (larger groups first), over all iterations. */
  static List<String> tags(RunRecord run, Split split) {
    Set<String> tags = new LinkedHashSet<>();
    run.iterations().forEach(it -> it.metrics(split).ifPresent(m -> tags.addAll(m.byTag().keySet())));
    return new ArrayList<>(tags);
  }

  private static XYTextAnnotation label(int iteration, int row, GroupAccuracy g) {
    XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.ROOT, "%.0f%% (%d)", g.accuracyPercent(),
        g.questions()), iteration, row);
    label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    label.setPaint(g.accuracy() < 0.25 ? Color.WHITE : Color.BLACK); // readable on dark red as on amber/green
    return label;
  }

  private static double[][] xyz(List<double[]> cells) {
    double[][] xyz = new double[3][cells.size()];
    for (int i = 0; i < cells.size(); i++) {
      for (int k = 0; k < 3; k++) {
        xyz[k][i] = cells.get(i)[k];
      }
    }
    return xyz;
  }
}
