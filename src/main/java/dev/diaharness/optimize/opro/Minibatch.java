package dev.diaharness.optimize.opro;

import dev.diaharness.dataset.GoldenCase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The screening minibatch: a seeded sample of training questions, half from the current failures (so a candidate can
 * show what it fixes) and half from the successes (so it can show what it breaks), the shorter side topped up from the
 * other. The seed is mixed with the iteration, so each step samples afresh and a rerun samples the same. Stateless.
 */
final class Minibatch {
  private Minibatch() {}

  /** The sample, in training-set order. */
  static List<GoldenCase> sample(List<GoldenCase> trainCases, TrainingEvidence evidence, int size, long seed,
      int iteration) {
    List<GoldenCase> failed = new ArrayList<>();
    List<GoldenCase> passed = new ArrayList<>();
    for (GoldenCase c : trainCases) {
      if (evidence.isFailure(c.id())) {
        failed.add(c);
      } else if (evidence.isSuccess(c.id())) {
        passed.add(c);
      }
    }
    Random random = new Random(seed * 1_000_003L + iteration);
    Collections.shuffle(failed, random);
    Collections.shuffle(passed, random);
    int fromFailed = Math.min(failed.size(), Math.max((size + 1) / 2, size - passed.size()));
    int fromPassed = Math.min(passed.size(), size - fromFailed);
    Set<String> chosen = new HashSet<>();
    failed.subList(0, fromFailed).forEach(c -> chosen.add(c.id()));
    passed.subList(0, fromPassed).forEach(c -> chosen.add(c.id()));
    return trainCases.stream().filter(c -> chosen.contains(c.id())).toList();
  }
}
