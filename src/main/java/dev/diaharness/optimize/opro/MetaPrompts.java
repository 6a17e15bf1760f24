package dev.diaharness.optimize.opro;

import dev.diaharness.llm.PromptTemplate;
import dev.diaharness.llm.ChatRequest;
import dev.diaharness.optimize.ProposalContext;
import dev.diaharness.optimize.TriedConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the two optimizer requests from their resource templates: the config analysis (low temperature) and the
 * OPRO improvement meta-prompt (temperature 1.0, so parallel calls give different candidates). Everything in them
 * comes from the {@link ProposalContext}, which holds training data only. Immutable and thread-safe.
 */
final class MetaPrompts {
  static final double ANALYSIS_TEMPERATURE = 0.2;
  static final double IMPROVEMENT_TEMPERATURE = 1.0;
  static final int ANALYSIS_MAX_TOKENS = 4096;

  private final PromptTemplate analysis = PromptTemplate.load("/dev/diaharness/optimize/opro-analysis");
  private final PromptTemplate improvement = PromptTemplate.load("/dev/diaharness/optimize/opro-improvement");
  private final OproOptions options;

  MetaPrompts(OproOptions options) {
    this.options = options;
  }

  /** The prompt versions, e.g. {@code opro-analysis-v1, opro-improvement-v1}. */
  String versions() {
    return analysis.version() + ", " + improvement.version();
  }

  ChatRequest analysis(ProposalContext ctx, TrainingEvidence evidence) {
    String user = analysis.user(Map.of(
        "current_config", Sections.config(ctx.current()),
        "accuracy", percent(ctx.trainMetrics().accuracy()),
        "question_count", String.valueOf(evidence.questions()),
        "failure_count", String.valueOf(evidence.failures().size()),
        "failures", Sections.failures(evidence.failures(), options.maxFailures(), options.evidenceChars()),
        "successes", Sections.successes(evidence.successes(), options.maxSuccesses())));
    return ChatRequest.text(analysis.system(), user, ANALYSIS_TEMPERATURE, ANALYSIS_MAX_TOKENS)
        .withJsonSchema(analysis.schema());
  }

  /** @param past the trajectory, ascending training accuracy (see {@link PastConfigs#select}) */
  ChatRequest improvement(ProposalContext ctx, TrainingEvidence evidence, ConfigAnalysis plan,
      List<TriedConfig> past) {
    double best = past.stream().mapToDouble(TriedConfig::trainAccuracy).max()
        .orElse(ctx.trainMetrics().accuracy());
    String user = improvement.user(Map.of(
        "trajectory", PastConfigs.render(past, plan.fields()),
        "best_accuracy", percent(best),
        "current_config", Sections.config(ctx.current()),
        "accuracy", percent(ctx.trainMetrics().accuracy()),
        "question_count", String.valueOf(evidence.questions()),
        "plan", plan.describe(),
        "failures", Sections.failures(evidence.failures(), options.maxFailures(), options.evidenceChars()),
        "successes", Sections.successes(evidence.successes(), options.maxSuccesses())));
    return ChatRequest.text(improvement.system(), user, IMPROVEMENT_TEMPERATURE, options.improvementMaxTokens())
        .withJsonSchema(improvement.schema());
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }
}
