package dev.diaharness.report.chart;

import dev.diaharness.report.RunRecord;
import dev.diaharness.run.Split;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Draws every chart of a run into its {@code charts/} folder, in the order the report shows them. Stateless. */
public final class Charts {
  private Charts() {}

  /** Every chart, drawn or with the reason it was not; a run with no iteration gets only reasons. */
  public static List<ChartResult> renderAll(RunRecord run, Path chartsDir) {
    if (run.iterations().isEmpty()) {
      return List.of(ChartResult.skipped("Charts", "No charts: the run has no evaluated iteration yet."));
    }
    List<ChartResult> charts = new ArrayList<>();
    charts.add(AccuracyChart.render(run, chartsDir));
    charts.add(RepeatChart.render(run, chartsDir));
    charts.add(StatusChart.render(run, chartsDir));
    charts.add(HeatmapChart.render(run, chartsDir, Split.TRAIN));
    charts.add(HeatmapChart.render(run, chartsDir, Split.TEST));
    charts.add(DeltaChart.render(run, chartsDir));
    charts.add(TrainTestChart.render(run, chartsDir));
    charts.add(CategoryChart.render(run, chartsDir));
    for (Split split : Split.values()) {
      ChartResult tags = TagChart.render(run, chartsDir, split);
      if (tags.file().isPresent()) { // a set without tags has no breakdown, not a note about its absence
        charts.add(tags);
      }
    }
    return charts;
  }
}
