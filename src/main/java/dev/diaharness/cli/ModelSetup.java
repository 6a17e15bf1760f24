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

  /** role → model name for the run manifest. */
  Map<String, String> describe() {
    Map<String, String> models = new LinkedHashMap<>();
    models.put("judge", roles.judge().map(m -> m.id()).orElse("none"));
    models.put("config_analysis", roles.configAnalysis().map(m -> m.id()).orElse("none"));
    models.put("prompt_improvement", roles.promptImprovement().map(m -> m.id()).orElse("none"));
    return models;
  }
}
