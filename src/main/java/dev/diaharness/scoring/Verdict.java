package dev.diaharness.scoring;

import java.util.Objects;

/**
 * The scored result of one answer. The outcome must be one the status allows (see {@link Status}); a pass always
 * has evidence a reader can check. This record is immutable.
 *
 * @param score 0–100, equal to {@code categories.total()}
 */
public record Verdict(Outcome outcome, Status status, int score, CategoryScores categories, Evidence evidence) {
  public Verdict {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(categories, "categories");
    Objects.requireNonNull(evidence, "evidence");
    if (!status.allows(outcome)) {
      throw new IllegalArgumentException("status " + status + " cannot have outcome " + outcome);
    }
    if (score != categories.total()) {
      throw new IllegalArgumentException("score " + score + " differs from the category total " + categories.total());
    }
  }

  public static Verdict of(Outcome outcome, Status status, CategoryScores categories, Evidence evidence) {
    return new Verdict(outcome, status, categories.total(), categories, evidence);
  }

  public boolean passed() {
    return outcome == Outcome.PASS;
  }
}
