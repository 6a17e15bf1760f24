package dev.diaharness.scoring;

import dev.diaharness.core.BoundedCache;
import dev.diaharness.sql.BigQueryExecutor;
import dev.diaharness.sql.ComparisonOptions;
import dev.diaharness.sql.ComponentComparer;
import dev.diaharness.sql.ComponentComparison;
import dev.diaharness.sql.ExecutionResult;
import dev.diaharness.sql.ResultComparator;
import dev.diaharness.sql.ResultComparison;
import dev.diaharness.sql.ResultTable;
import dev.diaharness.sql.TopLevelOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stages 3–4: run both queries on the local tables and compare the results; when they agree, run both again on
 * every database variant and pass only if all agree (EXEC_EQUIVALENT), else the differing variant is a
 * COUNTEREXAMPLE. The partial-credit score comes from the component comparison. Expected SQL that fails is a
 * GOLD_ERROR (the golden set's problem); a construct no engine here can run hands the answer on (to the judge).
 * Expected results are cached per query, since every repeat asks the same. Thread-safe.
 */
public final class ExecutionStage implements ScoringStage {
  private final BigQueryExecutor base;
  private final VariantExecutors variants;
  /** expected (and alternative) SQL on the local tables; run outside any map lock, once per query */
  private final BoundedCache<String, ExecutionResult> expectedCache = new BoundedCache<>(20_000);
  /** expected results on each variant: every repeat of a question runs the same expected SQL there */
  private final BoundedCache<List<Object>, ExecutionResult> expectedOnVariants = new BoundedCache<>(20_000);

  public ExecutionStage(BigQueryExecutor base, VariantExecutors variants) {
    this.base = base;
    this.variants = variants;
  }

  @Override
  public Optional<Verdict> decide(ScoringInput input) {
    String expected = input.goldenCase().expectedSql();
    String generated = input.generatedSql().orElseThrow();
    ExecutionResult gold = expectedCache.get(expected, base::executeBigQuery);
    if (gold instanceof ExecutionResult.Unsupported) {
      return Optional.empty();
    }
    if (!(gold instanceof ExecutionResult.Rows goldRows)) {
      return Optional.of(Verdict.of(Outcome.ERROR, Status.GOLD_ERROR, CategoryScores.ZERO,
          new Evidence("the expected SQL " + describe(gold), Map.of("kind", kindOf(gold)))));
    }
    ExecutionResult predicted = base.executeBigQuery(generated);
    if (predicted instanceof ExecutionResult.Unsupported) {
      return Optional.empty();
    }
    CategoryScores partial = partialCredit(expected, generated);
    if (!(predicted instanceof ExecutionResult.Rows predictedRows)) {
      return Optional.of(Verdict.of(Outcome.FAIL, Status.PRED_ERROR, partial,
          new Evidence("the generated SQL " + describe(predicted), Map.of("kind", kindOf(predicted)))));
    }
    ComparisonOptions options = ComparisonOptions.DEFAULTS
        .withOrderMatters(input.goldenCase().orderMatters() || TopLevelOrder.ordersAtTopLevel(expected));
    return Optional.of(judgeRows(input, goldRows.table(), predictedRows.table(), options, partial));
  }

  private Verdict judgeRows(ScoringInput input, ResultTable gold, ResultTable predicted, ComparisonOptions options,
      CategoryScores partial) {
    String expected = input.goldenCase().expectedSql();
    String generated = input.generatedSql().orElseThrow();
    ResultComparison onBase = ResultComparator.compare(gold, predicted, options);
    if (!onBase.equal()) {
      Optional<String> alternative = matchingAlternative(input, predicted, options);
      if (alternative.isEmpty()) {
        // strict decides; the lenient reading (extra generated columns allowed) is reported beside it
        Map<String, Object> details = new LinkedHashMap<>(onBase.evidence());
        details.put("strict_equal", onBase.strictEqual());
        details.put("lenient_equal", onBase.lenientEqual());
        String lenient = onBase.lenientEqual() ? " (equal if extra generated columns were allowed)" : "";
        return Verdict.of(Outcome.FAIL, Status.EXEC_MISMATCH, partial,
            new Evidence("results differ on the local data: " + onBase.summary() + lenient, details));
      }
      expected = alternative.get();
    }
    return onVariants(expected, generated, options, onBase.vacuous(), partial);
  }

  private Verdict onVariants(String expected, String generated, ComparisonOptions options, boolean vacuous,
      CategoryScores partial) {
    List<VariantExecutors.Variant> list = variants.variantsFor(expected, generated);
    int agreed = 0;
    int skipped = 0;
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
      ResultComparison c = ResultComparator.compare(goldRows.table(), predictedRows.table(), options);
      if (!c.equal()) {
        Map<String, Object> details = new LinkedHashMap<>(c.evidence());
        details.put("variant", variant.description());
        return Verdict.of(Outcome.FAIL, Status.COUNTEREXAMPLE, partial, new Evidence(
            "same results on the local data, different on a variant database (" + variant.description() + "): "
                + c.summary(), details));
      }
      agreed++;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("variants_agreed", agreed);
    details.put("variants_skipped", skipped);
    details.put("vacuous", vacuous);
    String summary = "same results on the local data and on " + agreed + " variant database(s)"
        + (vacuous ? " — both empty, so this says little (vacuous)" : "");
    return Verdict.of(Outcome.PASS, Status.EXEC_EQUIVALENT, CategoryScores.FULL, new Evidence(summary, details));
  }

  private Optional<String> matchingAlternative(ScoringInput input, ResultTable predicted, ComparisonOptions options) {
    for (String alternative : input.goldenCase().alternatives()) {
      ExecutionResult alt = expectedCache.get(alternative, base::executeBigQuery);
      if (alt instanceof ExecutionResult.Rows altRows
          && ResultComparator.compare(altRows.table(), predicted, options).equal()) {
        return Optional.of(alternative);
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
