package dev.diaharness.llm;

import dev.diaharness.core.RunStoppedException;

/**
 * A model call was refused before it was made because it could cross the {@code --max-usd} budget. The run stops
 * cleanly and writes what it has (exit 4); nothing was sent to the provider.
 */
public final class BudgetExceededException extends RunStoppedException {
  private final double limitUsd;
  private final double committedUsd;
  private final double estimateUsd;

  public BudgetExceededException(double limitUsd, double committedUsd, double estimateUsd) {
    super(String.format(java.util.Locale.ROOT,
        "budget of %.4f USD reached: %.4f USD spent or reserved, the next call could cost up to %.4f USD",
        limitUsd, committedUsd, estimateUsd));
    this.limitUsd = limitUsd;
    this.committedUsd = committedUsd;
    this.estimateUsd = estimateUsd;
  }

  public double limitUsd() {
    return limitUsd;
  }

  /** Spent plus reserved by calls in flight when the call was refused. */
  public double committedUsd() {
    return committedUsd;
  }

  public double estimateUsd() {
    return estimateUsd;
  }
}
