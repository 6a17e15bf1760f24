package dev.diaharness.cli;

import dev.diaharness.llm.Budget;
import dev.diaharness.llm.JudgeCache;
import dev.diaharness.llm.JudgeStage;
import dev.diaharness.llm.ModelRoles;
import dev.diaharness.llm.PriceTable;
import dev.diaharness.llm.RetrySettings;
import dev.diaharness.llm.UsageLedger;
import dev.diaharness.llm.UsageRole;
import dev.diaharness.scoring.ScoringStage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The models of a run (judge, analysis, improvement) with the run's usage ledger, budget and judge cache. */
final class ModelSetup {
  final ModelRoles roles;
  final UsageLedger ledger;
  final Optional<Budget> budget;
  final JudgeCache judgeCache;

  private ModelSetup(ModelRoles roles, UsageLedger ledger, Optional<Budget> budget, JudgeCache judgeCache) {
    this.roles = roles;
    this.ledger = ledger;
    this.budget = budget;
    this.judgeCache = judgeCache;
  }

  static ModelSetup from(Function<String, Optional<String>> env, Optional<Double> maxUsd, boolean noJudgeCache) {
    ModelRoles roles = ModelRoles.fromEnvironment(env, RetrySettings.DEFAULTS);
    UsageLedger ledger = new UsageLedger(PriceTable.fromEnvironment(env));
    Optional<Budget> budget = maxUsd.map(limit -> new Budget(limit, ledger));
    return new ModelSetup(roles, ledger, budget, noJudgeCache ? JudgeCache.bypass() : JudgeCache.inUserCacheDir());
  }

  /** The judge stage, when a judge model is configured. */
  Optional<ScoringStage> judgeStage() {
    return roles.judge().map(model -> new JudgeStage(model, roles.judgeMode(), judgeCache, ledger, budget));
  }

  /** role → {calls, input_tokens, output_tokens, cost_usd}, for metrics.json. */
  Map<String, Map<String, Double>> usageByRole() {
    Map<String, Map<String, Double>> byRole = new LinkedHashMap<>();
    ledger.byRole().forEach((UsageRole role, UsageLedger.Totals t) -> byRole.put(role.name().toLowerCase(),
        Map.of("calls", (double) t.calls(), "input_tokens", (double) t.inputTokens(),
            "output_tokens", (double) t.outputTokens(), "cost_usd", t.usd())));
    return byRole;
  }

  /** The budget is spent: the reason to stop before the next iteration. */
  Optional<String> budgetStop() {
    return budget.filter(b -> b.remainingUsd() <= 0)
        .map(b -> "the --max-usd budget of $" + b.limitUsd() + " is spent");
  }

  /**
   * One line of model usage for the console — calls, tokens and cost per role, the total, and the judge cache —
   * or empty when no model was called.
   */
  Optional<String> usageLine() {
    Map<UsageRole, UsageLedger.Totals> byRole = ledger.byRole();
    if (byRole.values().stream().allMatch(t -> t.calls() == 0)) {
      return Optional.empty();
    }
    StringBuilder line = new StringBuilder("model usage:");
    byRole.forEach((role, t) -> line.append(String.format(java.util.Locale.ROOT, " %s %d call(s), %d in / %d out "
        + "tokens, $%.4f;", role.name().toLowerCase(java.util.Locale.ROOT), t.calls(), t.inputTokens(),
        t.outputTokens(), t.usd())));
    line.append(String.format(java.util.Locale.ROOT, " total $%.4f", ledger.spentUsd()));
    JudgeCache.Stats cache = judgeCache.stats();
    if (cache.hits() + cache.misses() > 0) {
      line.append("; judge cache ").append(cache.hits()).append(" hit(s), ").append(cache.misses())
          .append(" miss(es)");
    }
    if (!ledger.unpricedModels().isEmpty()) {
      line.append("; no price known for ").append(String.join(", ", ledger.unpricedModels()));
    }
    return Optional.of(line.toString());
  }

  /** role → model name for the run manifest. */
  Map<String, String> describe() {
    Map<String, String> models = new LinkedHashMap<>();
    models.put("judge", roles.judge().map(m -> m.id()).orElse("none"));
    models.put("config_analysis", roles.configAnalysis().map(m -> m.id()).orElse("none"));
    models.put("prompt_improvement", roles.promptImprovement().map(m -> m.id()).orElse("none"));
    return models;
  }
}
