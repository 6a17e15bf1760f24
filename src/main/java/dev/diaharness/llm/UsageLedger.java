package dev.diaharness.llm;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tokens and USD cost of every model call of a run, by role and by model. Aggregates only (no per-call list), so
 * memory stays flat for any run length. Cost = tokens × the {@link PriceTable} price of the model. Thread-safe: every
 * method is synchronized, calls are counted exactly once each.
 */
public final class UsageLedger {

  /** Calls, tokens and cost summed over some calls. Immutable. */
  public record Totals(long calls, long inputTokens, long outputTokens, double usd) {
    public static final Totals ZERO = new Totals(0, 0, 0, 0);

    Totals plus(TokenUsage usage, double cost) {
      return new Totals(calls + 1, inputTokens + usage.input(), outputTokens + usage.output(), usd + cost);
    }
  }

  private final PriceTable prices;
  private final Map<UsageRole, Totals> byRole = new EnumMap<>(UsageRole.class);
  private final Map<String, Totals> byModel = new HashMap<>();
  private final Set<String> unpriced = new TreeSet<>();
  private Totals total = Totals.ZERO;
  private BigQueryTotals bigQuery = BigQueryTotals.ZERO;

  /** Queries run on BigQuery, their bytes billed and cost. Immutable. */
  public record BigQueryTotals(long queries, long bytesBilled, double usd) {
    public static final BigQueryTotals ZERO = new BigQueryTotals(0, 0, 0);
  }

  public UsageLedger(PriceTable prices) {
    this.prices = Objects.requireNonNull(prices, "prices");
  }

  /** Records one finished call and returns its cost in USD (0 for a model without a price). */
  public synchronized double record(UsageRole role, String model, TokenUsage usage) {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(usage, "usage");
    double cost = prices.cost(model, usage);
    if (prices.priceOf(model).isEmpty()) {
      unpriced.add(model);
    }
    byRole.merge(role, Totals.ZERO.plus(usage, cost), UsageLedger::sum);
    byModel.merge(model, Totals.ZERO.plus(usage, cost), UsageLedger::sum);
    total = sum(total, Totals.ZERO.plus(usage, cost));
    return cost;
  }

  /** Records one BigQuery query's bytes billed and cost; the cost counts toward the run's total (and --max-usd). */
  public synchronized void recordBigQuery(long bytesBilled, double usd) {
    bigQuery = new BigQueryTotals(bigQuery.queries() + 1, bigQuery.bytesBilled() + bytesBilled, bigQuery.usd() + usd);
    total = new Totals(total.calls(), total.inputTokens(), total.outputTokens(), total.usd() + usd);
  }

  public synchronized BigQueryTotals bigQuery() {
    return bigQuery;
  }

  private static Totals sum(Totals a, Totals b) {
    return new Totals(a.calls() + b.calls(), a.inputTokens() + b.inputTokens(), a.outputTokens() + b.outputTokens(),
        a.usd() + b.usd());
  }

  public synchronized Totals total() {
    return total;
  }

  public synchronized double spentUsd() {
    return total.usd();
  }

  public synchronized Map<UsageRole, Totals> byRole() {
    return Map.copyOf(byRole);
  }

  /** Totals per model name, sorted by name. */
  public synchronized Map<String, Totals> byModel() {
    return new TreeMap<>(byModel);
  }

  /** Models that were called but have no price (counted at 0 USD). */
  public synchronized Set<String> unpricedModels() {
    return Set.copyOf(unpriced);
  }

  public PriceTable prices() {
    return prices;
  }
}
