package dev.diaharness.scoring;

import dev.diaharness.core.BoundedCache;
import dev.diaharness.sql.BigQueryExecutor;
import dev.diaharness.sql.ComparisonPolicy;
import dev.diaharness.sql.ComponentComparer;
import dev.diaharness.sql.ComponentComparison;
import dev.diaharness.sql.ExecutionResult;
import dev.diaharness.sql.PolicyComparator;
import dev.diaharness.sql.ResultTable;
import dev.diaharness.sql.TopLevelOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Stages 3–4: run both queries on the local tables and compare the results under the comparison policy
 * (docs/scoring.md); when they agree, check that the agreement is not luck of the row order ({@link StabilityCheck}),
 * then run both again on every database variant and pass only if all agree (EXEC_EQUIVALENT), else the differing
 * variant is a COUNTEREXAMPLE. Results that agree but prove nothing — cut by the row cap, or empty (or all NULL) on
 * every database — are INCONCLUSIVE. The partial-credit score comes from the component comparison. Expected SQL that
 * fails is a GOLD_ERROR (the golden set's problem); a construct no engine here can run hands the answer on (to the
 * judge). Expected results are cached per query, since every repeat asks the same. Thread-safe.
 */
public final class ExecutionStage implements ScoringStage {
  private final BigQueryExecutor base;
  private final BigQueryExecutor expectedBase;
  /** what the base is, for evidence: "the local data", or BigQuery with --execute-on bigquery */
  private final String where;
  private final VariantExecutors variants;
  private final AnswerComparer comparer;
  private final StabilityCheck stability;
  /** expected (and alternative) SQL on the local tables; run outside any map lock, once per query */
  private final BoundedCache<String, ExecutionResult> expectedCache = new BoundedCache<>(20_000);
  /** generated SQL → the construct the translator refused in it, for the UNSUPPORTED verdict's evidence */
  private final BoundedCache<String, Optional<String>> refusals = new BoundedCache<>(4_096);
  /** expected results on each variant: every repeat of a question runs the same expected SQL there */
  private final BoundedCache<List<Object>, ExecutionResult> expectedOnVariants = new BoundedCache<>(20_000);

  /** How often a pair runs on its variants when the cache drops one of them under it (see onVariants). */
  private static final int VARIANT_ATTEMPTS = 3;

  /** The lenient comparison policy. */
  public ExecutionStage(BigQueryExecutor base, VariantExecutors variants) {
    this(base, variants, ComparisonPolicy.LENIENT);
  }

  public ExecutionStage(BigQueryExecutor base, VariantExecutors variants, ComparisonPolicy policy) {
    this(base, base, "the local data", variants, policy);
  }

  /**
   * Expected SQL (and its alternatives) runs on {@code expectedBase} — the same data as {@code base}, e.g. a view
   * that caches expected results across runs — and answers on {@code base}; {@code where} names the base in evidence.
   */
  public ExecutionStage(BigQueryExecutor expectedBase, BigQueryExecutor base, String where, VariantExecutors variants,
      ComparisonPolicy policy) {
    this.expectedBase = expectedBase;
    this.where = where;
    this.base = base;
    this.variants = variants;
    this.comparer = new AnswerComparer(policy);
    this.stability = new StabilityCheck(variants, comparer);
  }

  @Override
  public Optional<Verdict> decide(ScoringInput input) {
    String expected = input.goldenCase().expectedSql();
    String generated = input.generatedSql().orElseThrow();
    ExecutionResult gold = expectedCache.get(expected, expectedBase::executeBigQuery);
    if (gold instanceof ExecutionResult.Unsupported) {
      return Optional.empty();
    }
    if (!(gold instanceof ExecutionResult.Rows goldRows)) {
      return Optional.of(Verdict.of(Outcome.ERROR, Status.GOLD_ERROR, CategoryScores.ZERO,
          new Evidence("the expected SQL " + describe(gold), Map.of("kind", kindOf(gold)))));
    }
    ExecutionResult predicted = base.executeBigQuery(generated);
    if (predicted instanceof ExecutionResult.Unsupported u) {
      refusals.get(generated, sql -> Optional.of(u.construct() + ": " + u.reason()));
      return Optional.empty();
    }
    CategoryScores partial = partialCredit(expected, generated);
    if (!(predicted instanceof ExecutionResult.Rows predictedRows)) {
      return Optional.of(Verdict.of(Outcome.FAIL, Status.PRED_ERROR, partial,
          new Evidence("the generated SQL " + describe(predicted), Map.of("kind", kindOf(predicted)))));
    }
    return Optional.of(judgeRows(input, goldRows.table(), predictedRows.table(), partial));
  }

  /** The construct the translator refused in the expected or the generated SQL, named, with its reason. */
  @Override
  public Optional<String> whyUndecided(ScoringInput input) {
    String expected = input.goldenCase().expectedSql();
    if (expectedCache.get(expected, expectedBase::executeBigQuery) instanceof ExecutionResult.Unsupported u) {
      return Optional.of("the expected SQL uses " + u.construct() + ": " + u.reason());
    }
    // decide() ran the generated SQL (the expected SQL was supported) and noted a refusal: no second execution
    return input.generatedSql().flatMap(sql -> refusals.get(sql, unrefused -> Optional.empty()))
        .map(refusal -> "the generated SQL uses " + refusal);
  }

  private Verdict judgeRows(ScoringInput input, ResultTable gold, ResultTable predicted, CategoryScores partial) {
    String expected = input.goldenCase().expectedSql();
    String generated = input.generatedSql().orElseThrow();
    boolean orderMatters = input.goldenCase().orderMatters() || TopLevelOrder.ordersAtTopLevel(expected);
    PolicyComparator.Result onBase = comparer.compare(expected, generated, gold, predicted, orderMatters, base);
    if (!onBase.equal()) {
      Optional<Map.Entry<String, ResultTable>> alternative = matchingAlternative(input, predicted, orderMatters);
      if (alternative.isEmpty()) {
        Map<String, Object> details = new LinkedHashMap<>(onBase.comparison().evidence());
        details.put("comparison", comparer.policy().flagValue());
        return Verdict.of(Outcome.FAIL, Status.EXEC_MISMATCH, partial,
            new Evidence("results differ on " + where + ": " + onBase.comparison().summary(), details));
      }
      expected = alternative.get().getKey();
      gold = alternative.get().getValue();
      onBase = comparer.compare(expected, generated, gold, predicted, orderMatters, base);
    }
    if (gold.truncated() || predicted.truncated()) {
      Map<String, Object> details = new LinkedHashMap<>(onBase.evidence());
      return Verdict.of(Outcome.UNDECIDED, Status.INCONCLUSIVE, partial, new Evidence(
          "the results reached the sandbox's row cap: equal first rows say nothing about the rest", details));
    }
    Optional<Verdict> unstable = stability.check(expected, generated, gold, predicted, orderMatters, partial);
    if (unstable.isPresent()) {
      return unstable.get();
    }
    return onVariants(expected, generated, orderMatters, onBase, informative(gold), partial);
  }

  private Verdict onVariants(String expected, String generated, boolean orderMatters, PolicyComparator.Result onBase,
      boolean informative, CategoryScores partial) {
    for (int attempt = 1; ; attempt++) {
      List<VariantExecutors.Variant> list = variants.variantsFor(expected, generated);
      try {
        Verdict verdict = onVariants(list, expected, generated, orderMatters, onBase, informative, partial);
        // A variant the cache dropped while this pair ran on it may have lost its database before its first
        // connection: its queries then fail, which would skip it (a PASS on fewer variants) or read as a
        // counterexample. Such a verdict is not the data's, so the pair runs again on variants built afresh.
        if (attempt == VARIANT_ATTEMPTS || !variants.anyDropped(list)) {
          return verdict;
        }
      } finally {
        variants.release(list); // a variant the cache dropped meanwhile is freed once no thread holds it
      }
    }
  }

  private Verdict onVariants(List<VariantExecutors.Variant> list, String expected, String generated,
      boolean orderMatters, PolicyComparator.Result onBase, boolean informative, CategoryScores partial) {
    int agreed = 0;
    int skipped = 0;
    TreeSet<String> rules = new TreeSet<>(onBase.rules());
    for (VariantExecutors.Variant variant : list) {
      ExecutionResult gold = expectedOnVariants.get(List.of(variant.executor(), expected),
          key -> variant.executor().executeBigQuery(expected));
      if (!(gold instanceof ExecutionResult.Rows goldRows)) {
        skipped++;
        continue;
      }
      ExecutionResult predicted = variant.executor().executeBigQuery(generated);
      if (!(predicted instanceof ExecutionResult.Rows predictedRows)) {
        return Verdict.of(Outcome.FAIL, Status.COUNTEREXAMPLE, partial, new Evidence(
            "on a variant database (" + variant.description() + ") the generated SQL " + describe(predicted),
            Map.of("variant", variant.description())));
      }
      PolicyComparator.Result c = comparer.compare(expected, generated, goldRows.table(), predictedRows.table(),
          orderMatters, variant.executor());
      if (!c.equal()) {
        Map<String, Object> details = new LinkedHashMap<>(c.comparison().evidence());
        details.put("variant", variant.description());
        return Verdict.of(Outcome.FAIL, Status.COUNTEREXAMPLE, partial, new Evidence(
            "same results on " + where + ", different on a variant database (" + variant.description() + "): "
                + c.comparison().summary(), details));
      }
      if (goldRows.table().truncated() || predictedRows.table().truncated()) {
        skipped++; // equal first rows under the row cap prove nothing
        continue;
      }
      informative |= informative(goldRows.table());
      rules.addAll(c.rules());
      agreed++;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("variants_agreed", agreed);
    details.put("variants_skipped", skipped);
    details.put("comparison", comparer.policy().flagValue());
    details.put("rules", rules.isEmpty() ? List.of("same_rows") : List.copyOf(rules));
    if (!informative) {
      return Verdict.of(Outcome.UNDECIDED, Status.INCONCLUSIVE, partial, new Evidence("both results are empty (or "
          + "all NULL) on " + where + " and on " + agreed + " variant database(s): this proves nothing", details));
    }
    String how = rules.isEmpty() ? "" : " (accepted by the " + String.join(", ", rules) + " rule"
        + (rules.size() > 1 ? "s" : "") + ")";
    String summary = "same results on " + where + " and on " + agreed + " variant database(s)" + how;
    return Verdict.of(Outcome.PASS, Status.EXEC_EQUIVALENT, CategoryScores.FULL, new Evidence(summary, details));
  }

  /** A result that can tell queries apart: at least one row with a non-NULL value. */
  private static boolean informative(ResultTable t) {
    return t.rows().stream().anyMatch(row -> row.stream().anyMatch(v -> v != null));
  }

  private Optional<Map.Entry<String, ResultTable>> matchingAlternative(ScoringInput input, ResultTable predicted,
      boolean orderMatters) {
    String generated = input.generatedSql().orElseThrow();
    for (String alternative : input.goldenCase().alternatives()) {
      ExecutionResult alt = expectedCache.get(alternative, expectedBase::executeBigQuery);
      if (alt instanceof ExecutionResult.Rows altRows
          && comparer.compare(alternative, generated, altRows.table(), predicted, orderMatters, base).equal()) {
        return Optional.of(Map.entry(alternative, altRows.table()));
      }
    }
    return Optional.empty();
  }

  private static CategoryScores partialCredit(String expected, String generated) {
    ComponentComparison c = ComponentComparer.compare(expected, generated);
    return c instanceof ComponentComparison.Scored scored ? scored.scores() : CategoryScores.ZERO;
  }

  private static String describe(ExecutionResult r) {
    if (r instanceof ExecutionResult.Rejected rejected) {
      return "was refused: " + rejected.reason();
    }
    if (r instanceof ExecutionResult.Unparseable unparseable) {
      return "does not parse: " + unparseable.reason();
    }
    if (r instanceof ExecutionResult.TimedOut timedOut) {
      return "ran past the time limit of " + timedOut.limit().toMillis() + " ms";
    }
    if (r instanceof ExecutionResult.Failed failed) {
      return "failed: " + failed.reason();
    }
    return "could not run: " + r;
  }

  private static String kindOf(ExecutionResult r) {
    return r.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
  }
}
