package dev.diaharness.optimize.opro;

import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.optimize.ProposerException;
import dev.diaharness.optimize.RejectedAlternative;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses one candidate. With a {@link CandidateScreen}: all survivors are tried on the minibatch (the screen decides
 * how concurrently), a survivor that could not be tried is set aside with the reason, and of the others the one with
 * the most passes wins (ties go to the earlier candidate); it is accepted only if the paired
 * {@link SignTest} against the current config on the same questions (the current config's result per question is the
 * majority of its repeats in the evaluation just made) does not find it significantly worse. Without a screen, or
 * with an empty minibatch, the first survivor in the model's order is taken. The others are returned as rejected
 * alternatives with the reason. Stateless apart from the screen it calls.
 */
final class CandidateSelector {
  /** The chosen survivor (empty when it was significantly worse), a one-line account, and the alternatives. */
  record Choice(Optional<Survivor> chosen, String account, List<RejectedAlternative> rejected) {}

  private final Optional<CandidateScreen> screen;
  private final double significance;

  CandidateSelector(Optional<CandidateScreen> screen, double significance) {
    this.screen = screen;
    this.significance = significance;
  }

  Choice choose(List<Survivor> survivors, List<GoldenCase> minibatch, TrainingEvidence current) {
    if (screen.isEmpty() || minibatch.isEmpty()) {
      Survivor first = survivors.get(0);
      return new Choice(Optional.of(first), first.label() + " (not screened: the model's first valid candidate)",
          notChosen(survivors, first, "not chosen: without screening the first valid candidate is used"));
    }
    List<RejectedAlternative> rejected = new ArrayList<>();
    Survivor best = null;
    MinibatchResult bestResult = null;
    int bestPasses = -1;
    List<Screened> outcomes = screen.get().screenAll(survivors.stream().map(Survivor::config).toList(), minibatch);
    for (int i = 0; i < survivors.size(); i++) {
      Survivor s = survivors.get(i);
      Screened outcome = outcomes.get(i);
      if (outcome.result().isEmpty()) {
        rejected.add(new RejectedAlternative(s.label(), s.changes(), "screening failed: " + outcome.failure()));
        continue;
      }
      MinibatchResult result = outcome.result().get();
      int passes = result.passes(minibatch);
      if (passes > bestPasses) {
        if (best != null) {
          rejected.add(lost(best, bestPasses, s, passes, minibatch.size()));
        }
        best = s;
        bestResult = result;
        bestPasses = passes;
      } else {
        rejected.add(lost(s, passes, best, bestPasses, minibatch.size()));
      }
    }
    if (best == null) {
      throw new ProposerException("could not screen any candidate; the first: " + rejected.get(0).reason(), null);
    }
    return judge(best, bestResult, minibatch, current, rejected);
  }

  private Choice judge(Survivor best, MinibatchResult result, List<GoldenCase> minibatch, TrainingEvidence current,
      List<RejectedAlternative> rejected) {
    int currentOnly = 0;
    int candidateOnly = 0;
    int currentPasses = 0;
    for (GoldenCase c : minibatch) {
      boolean before = current.passedByMajority(c.id());
      boolean after = result.passed(c);
      currentPasses += before ? 1 : 0;
      currentOnly += before && !after ? 1 : 0;
      candidateOnly += after && !before ? 1 : 0;
    }
    double p = SignTest.worseP(currentOnly, candidateOnly);
    String account = String.format(Locale.ROOT,
        "%s: minibatch %d/%d vs current %d/%d (fixed %d, broke %d, sign test p=%.3f)", best.label(),
        result.passes(minibatch), minibatch.size(), currentPasses, minibatch.size(), candidateOnly, currentOnly, p);
    if (p < significance) {
      rejected.add(new RejectedAlternative(best.label(), best.changes(), "significantly worse than the current config"
          + " on the minibatch: " + account));
      return new Choice(Optional.empty(), account, rejected);
    }
    return new Choice(Optional.of(best), account, rejected);
  }

  private static RejectedAlternative lost(Survivor loser, int loserPasses, Survivor winner, int winnerPasses, int n) {
    return new RejectedAlternative(loser.label(), loser.changes(), String.format(Locale.ROOT,
        "not chosen: minibatch %d/%d, %s scored %d/%d", loserPasses, n, winner.label(), winnerPasses, n));
  }

  private static List<RejectedAlternative> notChosen(List<Survivor> survivors, Survivor chosen, String reason) {
    return survivors.stream().filter(s -> s != chosen)
        .map(s -> new RejectedAlternative(s.label(), s.changes(), reason)).toList();
  }
}
