/**
 * The PNG charts of a run, one class per chart family, each drawn with JFreeChart (headless) from a
 * {@link dev.diaharness.report.RunRecord} and nothing else. A chart with nothing real to draw is not drawn: its
 * {@link dev.diaharness.report.chart.ChartResult} carries the one-line reason the report shows instead.
 */
package dev.diaharness.report.chart;
