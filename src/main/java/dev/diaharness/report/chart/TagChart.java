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
    List<double[]> cells = new ArrayList<>();
    List<XYTextAnnotation> labels = new ArrayList<>();
    for (IterationData it : run.iterations()) {
      it.metrics(split).ifPresent(m -> {
        for (int t = 0; t < tags.size(); t++) {
          GroupAccuracy g = m.groups().byTag().get(tags.get(t));
          if (g != null) {
            cells.add(new double[] {it.iteration(), t, g.accuracy()});
            labels.add(label(it.iteration(), t, g));
          }
        }
      });
    }
    JFreeChart chart = PassRateGrid.chart(run, title(split), "tag", tags, cells, "accuracy");
    labels.forEach(chart.getXYPlot()::addAnnotation);
    int height = Math.min(4000, Math.max(ChartStyle.HEIGHT, 140 + 26 * tags.size()));
    return ChartStyle.save(chart, dir, file(split), title(split), height);
  }

  /** The split's tags in metrics.json's order (larger groups first), over all iterations. */
  static List<String> tags(RunRecord run, Split split) {
    Set<String> tags = new LinkedHashSet<>();
    run.iterations().forEach(it -> it.metrics(split).ifPresent(m -> tags.addAll(m.groups().byTag().keySet())));
    return new ArrayList<>(tags);
  }

  private static XYTextAnnotation label(int iteration, int row, GroupAccuracy g) {
    XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.ROOT, "%.0f%% (%d)", g.accuracyPercent(),
        g.questions()), iteration, row);
    label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    label.setPaint(g.accuracy() < 0.25 ? Color.WHITE : Color.BLACK); // readable on dark red as on amber/green
    return label;
  }
}
