package dev.diaharness.report.chart;

import java.util.Optional;

/**
 * One chart of the report: its title and either the PNG written (path relative to the run folder, e.g.
 * {@code charts/accuracy.png}) or the one-line reason it was not drawn. Immutable.
 */
public record ChartResult(String title, Optional<String> file, String note) {
  public static ChartResult drawn(String title, String relativeFile) {
    return new ChartResult(title, Optional.of(relativeFile), "");
  }

  public static ChartResult skipped(String title, String why) {
    return new ChartResult(title, Optional.empty(), why);
  }
}
