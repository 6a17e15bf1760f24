package dev.diaharness.llm;

import java.util.Objects;

/**
 * The {@code --max-usd} limit on model spending. Before each call, {@link #reserve} adds a worst-case estimate of
 * the call (input ≈ one token per 3 characters, output = the request's {@code maxOutputTokens}, at the model's price)
 * to what was spent and what calls in flight reserved; if that would cross the limit, the call is refused with a
 * {@link BudgetExceededException} and never made. The reservation is released when the call ends, after its real
 * cost was recorded in the ledger. Calls to unpriced (local) models cost 0 and are never refused. Thread-safe.
 */
public final class Budget {
  private static final double CHARS_PER_TOKEN = 3.0;

  private final double limitUsd;
  private final UsageLedger ledger;
  private double reservedUsd;

  public Budget(double limitUsd, UsageLedger ledger) {
    if (!(limitUsd > 0)) {
      throw new IllegalArgumentException("--max-usd must be > 0, got " + limitUsd);
    }
    this.limitUsd = limitUsd;
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  /** A held estimate; close it when the call is over (recorded or failed). */
  public final class Reservation implements AutoCloseable {
    private final double usd;
    private boolean released;

    private Reservation(double usd) {
      this.usd = usd;
    }

    public double usd() {
      return usd;
    }

    @Override
    public void close() {
      synchronized (Budget.this) {
        if (!released) {
          released = true;
          reservedUsd -= usd;
        }
      }
    }
  }

  /**
   * Reserves the worst-case cost of {@code request} on {@code modelId}.
   *
   * @throws BudgetExceededException when spent + reserved + this estimate would exceed the limit
   */
  public synchronized Reservation reserve(String modelId, ChatRequest request) {
    return reserve(estimate(modelId, request));
  }

  /**
   * Reserves an estimate in USD (e.g. a BigQuery query's, from its dry run).
   *
   * @throws BudgetExceededException when spent + reserved + this estimate would exceed the limit
   */
  public synchronized Reservation reserve(double estimate) {
    double committed = ledger.spentUsd() + reservedUsd;
    if (committed + estimate > limitUsd) {
      throw new BudgetExceededException(limitUsd, committed, estimate);
    }
    reservedUsd += estimate;
    return new Reservation(estimate);
  }

  /** The worst-case USD cost of one call. */
  public double estimate(String modelId, ChatRequest request) {
    long inputTokens = (long) Math.ceil((request.system().length() + request.user().length()) / CHARS_PER_TOKEN);
    return ledger.prices().cost(modelId, new TokenUsage(inputTokens, request.maxOutputTokens()));
  }

  public double limitUsd() {
    return limitUsd;
  }

  /** What is left of the limit after the spending so far (reservations not counted). */
  public double remainingUsd() {
    return limitUsd - ledger.spentUsd();
  }
}
