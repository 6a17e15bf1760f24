package dev.diaharness.optimize.opro;

/**
 * The settings of the {@code opro} proposer. Immutable.
 *
 * @param candidates             improvement calls made in parallel per step ({@code --candidates}, default 4)
 * @param minibatchSize          training questions each surviving candidate is screened on ({@code --minibatch},
 *                               default 12)
 * @param seed                   seeds the minibatch sample (with the iteration), so a run can be repeated
 * @param trajectoryTokenBudget  tokens (estimated as characters / 4) the past configs may take in the meta-prompt;
 *                               the lowest-scoring configs are dropped first, a config's text is never cut
 * @param topN                   at most this many past configs are shown
 * @param maxFailures            at most this many failed training questions are shown (lowest pass rate first)
 * @param maxSuccesses           at most this many passing training questions are shown
 * @param evidenceChars          cap on the evidence text (summary and details) of each failure
 * @param improvementMaxTokens   output cap of an improvement call (long prompts must fit whole)
 * @param significance           one-sided p-value below which a candidate counts as significantly worse
 */
public record OproOptions(
    int candidates,
    int minibatchSize,
    long seed,
    int trajectoryTokenBudget,
    int topN,
    int maxFailures,
    int maxSuccesses,
    int evidenceChars,
    int improvementMaxTokens,
    double significance) {

  public OproOptions {
    positive("--candidates", candidates);
    positive("--minibatch", minibatchSize);
    positive("trajectory token budget", trajectoryTokenBudget);
    positive("top-N", topN);
    positive("max failures", maxFailures);
    if (maxSuccesses < 0) {
      throw new IllegalArgumentException("max successes must be >= 0, got " + maxSuccesses);
    }
    positive("evidence characters", evidenceChars);
    positive("improvement max tokens", improvementMaxTokens);
    if (!(significance > 0 && significance < 1)) {
      throw new IllegalArgumentException("significance must be within (0, 1), got " + significance);
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + value);
    }
  }

  /** 4 candidates, minibatch 12, seed 42, 30,000 tokens of trajectory, top 10, 25 failures, 10 successes. */
  public static OproOptions defaults() {
    return new OproOptions(4, 12, 42L, 30_000, 10, 25, 10, 1_500, 16_384, 0.05);
  }

  public OproOptions withCandidates(int k) {
    return new OproOptions(k, minibatchSize, seed, trajectoryTokenBudget, topN, maxFailures, maxSuccesses,
        evidenceChars, improvementMaxTokens, significance);
  }

  public OproOptions withMinibatchSize(int size) {
    return new OproOptions(candidates, size, seed, trajectoryTokenBudget, topN, maxFailures, maxSuccesses,
        evidenceChars, improvementMaxTokens, significance);
  }

  public OproOptions withSeed(long newSeed) {
    return new OproOptions(candidates, minibatchSize, newSeed, trajectoryTokenBudget, topN, maxFailures,
        maxSuccesses, evidenceChars, improvementMaxTokens, significance);
  }

  public OproOptions withTrajectoryTokenBudget(int tokens) {
    return new OproOptions(candidates, minibatchSize, seed, tokens, topN, maxFailures, maxSuccesses,
        evidenceChars, improvementMaxTokens, significance);
  }
}
