package dev.diaharness.run;

import java.util.List;

/** Accuracy of each repeat (the share of PASS among that repeat's items) and its spread; fractions 0–1. */
public record RepeatAccuracy(double mean, double std, double min, double max, List<Double> values) {
  public RepeatAccuracy {
    values = List.copyOf(values);
  }

  /** Summary of per-repeat values; std is the sample standard deviation (0 for one repeat). */
  public static RepeatAccuracy of(List<Double> values) {
    if (values.isEmpty()) {
      return new RepeatAccuracy(0, 0, 0, 0, values);
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    double std = values.size() > 1 ? Math.sqrt(ss / (values.size() - 1)) : 0;
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return new RepeatAccuracy(mean, std, min, max, values);
  }
}
