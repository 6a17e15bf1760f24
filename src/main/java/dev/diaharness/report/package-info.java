/**
 * Reports of a run, built from the files the run wrote and nothing else, so a report can be regenerated after a
 * crash or with a newer version: {@link dev.diaharness.report.RunReader} reads a run folder once into a
 * {@link dev.diaharness.report.RunRecord}; the charts, the Markdown report and {@code report.html} are each a
 * projection of it. No writer recomputes a metric: numbers come from {@code metrics.json} or the trajectory, and
 * per-question views from the eval rows. {@link dev.diaharness.report.ReportService} is the entry point.
 */
package dev.diaharness.report;
