package dev.diaharness.bigquery;

import dev.diaharness.llm.Budget;
import dev.diaharness.llm.UsageLedger;
import java.util.Objects;
import java.util.Optional;

/**
 * What BigQuery queries cost a run: bytes billed × the on-demand price ({@value #USD_PER_TIB} USD per TiB, the list
 * price in the US multi-region; BigQuery bills at least 10 MB per query that reads a table). Each query's
 * worst-case cost (its dry-run estimate, at least 10 MB) is reserved against {@code --max-usd} before it runs;
 * its real cost goes into the run's ledger afterwards. Thread-safe.
 */
public final class BigQueryCosts {
  public static final double USD_PER_TIB = 6.25;
  static final long MIN_BILLED_BYTES = 10L * 1024 * 1024;
  private static final double TIB = 1024.0 * 1024 * 1024 * 1024;

  private final UsageLedger ledger;
  private final Optional<Budget> budget;

  public BigQueryCosts(UsageLedger ledger, Optional<Budget> budget) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  public static double usd(long bytes) {
    return bytes / TIB * USD_PER_TIB;
  }

  /**
   * Reserves the worst case of a query the dry run estimated at {@code bytes}.
   *
   * @throws dev.diaharness.llm.BudgetExceededException when it would cross {@code --max-usd}
   */
  public Optional<Budget.Reservation> reserve(long bytes) {
    return budget.map(b -> b.reserve(usd(Math.max(MIN_BILLED_BYTES, bytes))));
  }

  public void record(long bytesBilled) {
    ledger.recordBigQuery(bytesBilled, usd(bytesBilled));
  }

  public UsageLedger.BigQueryTotals totals() {
    return ledger.bigQuery();
  }
}
