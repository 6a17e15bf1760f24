package dev.diaharness.scoring;

import dev.diaharness.sql.ComparisonOptions;
import dev.diaharness.sql.ComponentComparer;
import dev.diaharness.sql.ComponentComparison;
import dev.diaharness.sql.ResultComparator;
import dev.diaharness.sql.ResultComparison;
import dev.diaharness.sql.ResultTable;
import dev.diaharness.sql.TopLevelOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stages 3–4: run both queries on the local tables and compare the results; when they agree, run both again on
 * every database variant and pass only if all agree (EXEC_EQUIVALENT), else the differing variant is a
 * COUNTEREXAMPLE. The partial-credit score comes from the component comparison. Expected SQL that fails is a
 * GOLD_ERROR (the golden set's problem); a construct no engine here can run hands the answer on (to the judge).
 * Expected results are cached per query, since every repeat asks the same. Thread-safe.
 */
public final class ExecutionStage implements ScoringStage {
  private final SqlExecutor base;
  private final VariantExecutors variants;
  private final Map<String, ExecutionOutcome> expectedCache = new ConcurrentHashMap<>();

  public ExecutionStage(SqlExecutor base, VariantExecutors variants) {
    this.base = base;
    this.variants = variants;
  }

  @Override
  public Optional<Verdict> decide(ScoringInput input) {
    String expected = input.goldenCase().expectedSql();
    String generated = input.generatedSql().orElseThrow();
    ExecutionOutcome gold = expectedCache.computeIfAbsent(expected, base::execute);
    if (gold.kind() == ExecutionOutcome.Kind.UNSUPPORTED) {
      return Optional.empty();
    }
    if (gold.kind() != ExecutionOutcome.Kind.ROWS) {
      return Optional.of(Verdict.of(Outcome.ERROR, Status.GOLD_ERROR, CategoryScores.ZERO,
          new Evidence("the expected SQL does not run: " + gold.reason(), Map.of("kind", gold.kind().name()))));
    }
    ExecutionOutcome predicted = base.execute(generated);
    if (predicted.kind() == ExecutionOutcome.Kind.UNSUPPORTED) {
      return Optional.empty();
    }
    CategoryScores partial = partialCredit(expected, generated);
    if (predicted.kind() != ExecutionOutcome.Kind.ROWS) {
      return Optional.of(Verdict.of(Outcome.FAIL, Status.PRED_ERROR, partial,
          new Evidence("the generated SQL " + describe(predicted), Map.of("kind", predicted.kind().name()))));
    }
    ComparisonOptions options = ComparisonOptions.DEFAULTS
        .withOrderMatters(input.goldenCase().orderMatters() || TopLevelOrder.ordersAtTopLevel(expected));
    return Optional.of(judgeRows(input, gold.rows().get(), predicted.rows().get(), options, partial));
  }

  private Verdict judgeRows(ScoringInput input, ResultTable gold, ResultTable predicted, ComparisonOptions options,
      CategoryScores partial) {
    String expected = input.goldenCase().expectedSql();
    String generated = input.generatedSql().orElseThrow();
    ResultComparison onBase = ResultComparator.compare(gold, predicted, options);
    if (!onBase.equal()) {
      Optional<String> alternative = matchingAlternative(input, predicted, options);
      if (alternative.isEmpty()) {
        return Verdict.of(Outcome.FAIL, Status.EXEC_MISMATCH, partial,
            new Evidence("results differ on the local data: " + onBase.summary(), onBase.evidence()));
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
      ExecutionOutcome gold = variant.executor().execute(expected);
      if (gold.kind() != ExecutionOutcome.Kind.ROWS) {
        skipped++;
        continue;
      }
      ExecutionOutcome predicted = variant.executor().execute(generated);
      if (predicted.kind() != ExecutionOutcome.Kind.ROWS) {
        return Verdict.of(Outcome.FAIL, Status.COUNTEREXAMPLE, partial, new Evidence(
            "on a variant database (" + variant.description() + ") the generated SQL " + describe(predicted),
            Map.of("variant", variant.description())));
      }
      ResultComparison c = ResultComparator.compare(gold.rows().get(), predicted.rows().get(), options);
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
      ExecutionOutcome alt = expectedCache.computeIfAbsent(alternative, base::execute);
      if (alt.rows().isPresent() && ResultComparator.compare(alt.rows().get(), predicted, options).equal()) {
        return Optional.of(alternative);
      }
    }
    return Optional.empty();
  }

  private static CategoryScores partialCredit(String expected, String generated) {
    ComponentComparison c = ComponentComparer.compare(expected, generated);
    return c instanceof ComponentComparison.Scored scored ? scored.scores() : CategoryScores.ZERO;
  }

  private static String describe(ExecutionOutcome o) {
    switch (o.kind()) {
      case REJECTED:
        return "was refused: " + o.reason();
      case UNPARSEABLE:
        return "does not parse: " + o.reason();
      case TIMED_OUT:
        return "ran out of time: " + o.reason();
      default:
        return "failed: " + o.reason();
    }
  }
}
