package dev.diaharness.report;

import dev.diaharness.report.chart.ChartResult;
import dev.diaharness.report.chart.Charts;
import dev.diaharness.run.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the charts, {@code OPTIMIZATION_REPORT_<ts>.md} ({@code EVALUATION_REPORT_<ts>.md} for an evaluate run)
 * and {@code report.html} of a run from its files alone. Called by {@code report RUN_DIR} and at the end of every
 * {@code evaluate}/{@code optimize} run, including one that ended early on an error: a partial run gets a partial
 * report. Deterministic: the same files give byte-identical reports (no "now", stable ordering). Stateless and
 * thread-safe for different run folders.
 */
public final class ReportService {
  private ReportService() {}

  /**
   * @throws dev.diaharness.core.InputException naming the file when the folder is not a run folder or a run file
   *     cannot be read
   * @throws UncheckedIOException when a report file cannot be written
   */
  public static ReportPaths write(RunDirectory dir) {
    RunRecord run = RunReader.read(dir);
    List<ChartResult> charts = Charts.renderAll(run, dir.chartsDir());
    ReportDocument doc = ReportBuilder.build(run, charts);
    Path markdown = dir.root().resolve(markdownName(run, dir));
    Path html = dir.root().resolve("report.html");
    writeText(markdown, MarkdownWriter.render(doc));
    writeText(html, HtmlWriter.render(doc, dir.root()));
    return new ReportPaths(markdown, html, charts);
  }

  static String markdownName(RunRecord run, RunDirectory dir) {
    return (run.isOptimization() ? "OPTIMIZATION_REPORT_" : "EVALUATION_REPORT_") + dir.timestamp() + ".md";
  }

  private static void writeText(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
