package dev.diaharness.examples;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Seeded random draws used by the example generator: weighted choices, log-normal weights, dates. Every draw goes
 * through the one {@link Random}, in program order, which is what makes the output the same on every run. Not
 * thread-safe (one instance per generation).
 */
final class Draws {
  private final Random random;

  Draws(long seed) {
    this.random = new Random(seed);
  }

  /** Index drawn with probability proportional to its weight. */
  int weighted(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < weights.length - 1; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** Index drawn from the first {@code size} entries of a cumulative weight array. */
  int cumulative(double[] cumulativeWeights, int size) {
    double x = random.nextDouble() * cumulativeWeights[size - 1];
    int lo = 0;
    int hi = size - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulativeWeights[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** A positive weight with a long right tail: a few customers or products get most of the activity. */
  double logNormal(double sigma) {
    return Math.exp(sigma * random.nextGaussian());
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  /** Uniform in [from, to] inclusive. */
  int between(int from, int to) {
    return from + random.nextInt(to - from + 1);
  }

  double uniform(double from, double to) {
    return from + random.nextDouble() * (to - from);
  }

  /** A date uniform in [from, to] inclusive. */
  LocalDate date(LocalDate from, LocalDate to) {
    long days = to.toEpochDay() - from.toEpochDay();
    return LocalDate.ofEpochDay(from.toEpochDay() + (long) (random.nextDouble() * (days + 1)));
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
