package dev.diaharness.cli;

import dev.diaharness.bigquery.BigQueryClients;
import dev.diaharness.bigquery.BigQueryCosts;
import dev.diaharness.bigquery.BigQueryExecution;
import dev.diaharness.bigquery.BigQueryQueries;
import dev.diaharness.bigquery.BigQuerySettings;
import dev.diaharness.bigquery.ExpectedResultCache;
import dev.diaharness.llm.Budget;
import dev.diaharness.llm.UsageLedger;
import dev.diaharness.scoring.ScorerSetup;
import dev.diaharness.sql.SandboxLimits;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code --execute-on bigquery} for one command: the guarded BigQuery execution (bound to the run once it exists),
 * the expected-result cache shared across runs ({@code DIA_BIGQUERY_CACHE}, else {@code ~/.cache/dia-harness/
 * bigquery}), and the lines that tell the user what it cost and whether variants ran.
 */
final class BigQueryWiring {
  private final BigQueryExecution execution;
  private final ExpectedResultCache cache;

  private BigQueryWiring(BigQueryExecution execution, ExpectedResultCache cache) {
    this.execution = execution;
    this.cache = cache;
  }

  static Optional<BigQueryWiring> from(ExecuteOnMixin flags, UsageLedger ledger, Optional<Budget> budget,
      Function<String, Optional<String>> env) {
    if (!flags.onBigQuery()) {
      return Optional.empty();
    }
    Path folder = env.apply("DIA_BIGQUERY_CACHE").map(Path::of).orElseGet(() ->
        Path.of(System.getProperty("user.home"), ".cache", "dia-harness", "bigquery"));
    BigQueryExecution execution = new BigQueryExecution(flags.maxBytesBilled, SandboxLimits.DEFAULT.maxRows(),
        new BigQueryCosts(ledger, budget));
    return Optional.of(new BigQueryWiring(execution, new ExpectedResultCache(Optional.of(folder))));
  }

  ScorerSetup.RemoteBase remoteBase() {
    return new ScorerSetup.RemoteBase(execution.forExpected(cache), execution, "BigQuery");
  }

  /** The client for these settings (credentials are looked up here; nothing is called yet). */
  static BigQueryQueries connect(BigQuerySettings settings) {
    return new BigQueryQueries(BigQueryClients.open(settings), settings);
  }

  /** Runs this run's queries through {@code queries}; jobs carry {@code dia-harness-run=<runId>}. */
  void bind(BigQueryQueries queries, String runId) {
    execution.bind(queries, runId);
  }

  /** Said before scoring: whether database variants back the BigQuery verdicts. */
  static String variantsNote(boolean localTables, int variants) {
    if (!localTables) {
      return "--execute-on bigquery: no local tables, so no database variants were run (equal results on BigQuery "
          + "pass as they are); 'dia-harness data pull' gives local tables for the variants";
    }
    return "--execute-on bigquery: expected and generated SQL run on BigQuery; the " + variants
        + " database variants run on the local tables";
  }

  /** BigQuery queries, bytes billed, cost and the expected-result cache, for the console. */
  String usageLine() {
    UsageLedger.BigQueryTotals t = execution.costs().totals();
    return String.format(Locale.ROOT, "BigQuery: %d quer%s, %.3f GB billed, $%.4f; expected-result cache %d hit(s), "
        + "%d miss(es)", t.queries(), t.queries() == 1 ? "y" : "ies", t.bytesBilled() / 1e9, t.usd(), cache.hits(),
        cache.misses());
  }
}
