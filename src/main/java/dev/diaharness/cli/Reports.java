package dev.diaharness.cli;

import dev.diaharness.report.ReportPaths;
import dev.diaharness.report.ReportService;
import dev.diaharness.run.RunDirectory;
import java.io.PrintWriter;

/** Writes the charts and reports of a run at its end — also when it ends early — and prints where they are. */
final class Reports {
  private Reports() {}

  static void write(RunDirectory run, PrintWriter out) {
    try {
      ReportPaths paths = ReportService.write(run);
      out.println("report: " + paths.markdown());
      out.println("html:   " + paths.html());
    } catch (RuntimeException e) {
      // a report problem must not hide the run's own outcome; `dia-harness report` can retry it
      out.println("could not write the report (" + e.getMessage() + "); rerun: dia-harness report " + run.root());
    }
    out.println("results: " + run.root());
  }
}
