package dev.diaharness.report;

import dev.diaharness.report.chart.ChartResult;
import java.nio.file.Path;
import java.util.List;

/** What {@link ReportService#write} wrote: the Markdown report, report.html and each chart (or why not). */
public record ReportPaths(Path markdown, Path html, List<ChartResult> charts) {
  public ReportPaths {
    charts = List.copyOf(charts);
  }
}
