package dev.diaharness.run;

import dev.diaharness.core.OrderedMaps;
import java.util.Map;
import java.util.Objects;

/**
 * The accuracy of one split in one iteration and how far to trust it (SPEC §6). Every accuracy is a fraction 0–1 with
 * ONE definition: the share of PASS among all items (questions × repeats); errors and undecided items count as not
 * passed. Immutable.
 *
 * @param accuracy              PASS items / all items
 * @param byRepeat              accuracy of each repeat, and its mean/std/min/max
 * @param questionLevelAccuracy mean over questions of each question's pass rate (equals {@code accuracy} when every
 *                              question has all its repeats)
 * @param ci95Low               95% interval of {@code accuracy}: bootstrap over questions (2,000 resamples, seeded),
 *                              Wilson on items when there is a single question
 * @param passAtK               k → chance that at least one of k repeats passes (unbiased estimator), k = 1..repeats
 * @param passHatK              k → chance that all k repeats pass (pass^k), k = 1..repeats
 */
public record AccuracyEstimates(double accuracy, RepeatAccuracy byRepeat, double questionLevelAccuracy,
    double ci95Low, double ci95High, Map<Integer, Double> passAtK, Map<Integer, Double> passHatK) {

  public AccuracyEstimates {
    Objects.requireNonNull(byRepeat, "byRepeat");
    passAtK = OrderedMaps.copyOf(passAtK);
    passHatK = OrderedMaps.copyOf(passHatK);
  }
}
