package dev.diaharness.optimize;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.diaharness.run.SplitMetrics;
import java.util.List;

/**
 * The Python tool's {@code evaluation.train|test} block, kept so existing scripts still read trajectories:
 * {@code accuracy} is a 0–1 fraction (the one accuracy: PASS items / all items).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SplitSummary(double accuracy, long totalCases, long correct, List<Double> repeatMeasurements,
    List<FailureEntry> failures) {

  public static SplitSummary of(SplitMetrics m, List<FailureEntry> failures) {
    return new SplitSummary(m.accuracy(), m.items(), m.passed(), m.estimates().byRepeat().values(), failures);
  }
}
