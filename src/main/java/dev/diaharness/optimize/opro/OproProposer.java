package dev.diaharness.optimize.opro;

import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.llm.ChatModel;
import dev.diaharness.optimize.FieldChange;
import dev.diaharness.optimize.Proposal;
import dev.diaharness.optimize.ProposalContext;
import dev.diaharness.optimize.ProposalValidator;
import dev.diaharness.optimize.Proposer;
import dev.diaharness.optimize.RejectedAlternative;
import dev.diaharness.optimize.TriedConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code opro} proposer (SPEC §5). One step: (1) the config analysis model chooses the fields to change, with a
 * priority and a rationale; (2) K improvement calls run in parallel at temperature 1.0 over the OPRO meta-prompt
 * (the top-N past configs worst to best with their training accuracy and the full text of those fields, the current
 * failures with their evidence, the successes, the rules); (3) candidates that repeat a tried config, duplicate
 * another or fail the {@link ProposalValidator} are set aside with the reason; (4) the survivors are screened on a
 * seeded minibatch of training questions and the best is accepted unless a paired sign test finds it significantly
 * worse than the current config. It sees only the {@link ProposalContext}, i.e. training data.
 *
 * <p>Pass models already wrapped for metering ({@code MeteredChatModel} with {@code UsageRole.ANALYSIS} and
 * {@code UsageRole.IMPROVEMENT}). A model that stays down, a reply unusable after one corrective retry, or a refused
 * budget ends the step with a {@link dev.diaharness.optimize.ProposerException}. Thread-safe: a step keeps its state
 * on its own stack, and the screen is called from the calling thread only.
 */
public final class OproProposer implements Proposer {
  private final ChatModel analysis;
  private final OproOptions options;
  private final MetaPrompts prompts;
  private final CandidateGenerator generator;
  private final CandidateFilter filter;
  private final CandidateSelector selector;

  /**
   * @param analysis    the {@code CONFIG_ANALYSIS_MODEL}
   * @param improvement the {@code PROMPT_IMPROVEMENT_MODEL}
   * @param screen      tries candidates on a minibatch; empty to take the model's first valid candidate
   */
  public OproProposer(ChatModel analysis, ChatModel improvement, ProposalValidator validator, OproOptions options,
      Optional<CandidateScreen> screen) {
    this.analysis = Objects.requireNonNull(analysis, "analysis");
    this.options = Objects.requireNonNull(options, "options");
    this.prompts = new MetaPrompts(options);
    this.generator = new CandidateGenerator(Objects.requireNonNull(improvement, "improvement"));
    this.filter = new CandidateFilter(Objects.requireNonNull(validator, "validator"));
    this.selector = new CandidateSelector(Objects.requireNonNull(screen, "screen"), options.significance());
  }

  @Override
  public Proposal propose(ProposalContext ctx) {
    TrainingEvidence evidence = TrainingEvidence.of(ctx.trainRows());
    if (evidence.failures().isEmpty()) {
      return Proposal.nothing("opro: no failed training question to learn from");
    }
    ConfigAnalysis plan = JsonCall.ask(analysis, prompts.analysis(ctx, evidence), ConfigAnalysis::parse,
        "config analysis");
    if (plan.plan().isEmpty()) {
      return Proposal.nothing("opro: the config analysis recommends no change"
          + (plan.summary().isEmpty() ? "" : ": " + plan.summary()));
    }
    List<TriedConfig> past = PastConfigs.select(ctx.tried(), plan.fields(), options.topN(),
        options.trajectoryTokenBudget());
    CandidateGenerator.Generated generated = generator.generate(
        prompts.improvement(ctx, evidence, plan, past), plan.fields(), options.candidates());
    CandidateFilter.Filtered filtered = filter.filter(ctx.current(), plan, generated.candidates(),
        options.candidates(), ctx.tried(), ctx.triedHashes());
    List<RejectedAlternative> rejected = new ArrayList<>(failedCalls(generated));
    rejected.addAll(filtered.rejected());
    if (filtered.survivors().isEmpty()) {
      return new Proposal(List.of(), "opro: none of the " + options.candidates() + " candidates survived ("
          + reasons(rejected) + ")", rejected);
    }
    List<GoldenCase> minibatch = Minibatch.sample(ctx.trainCases(), evidence, options.minibatchSize(),
        options.seed(), ctx.iteration());
    CandidateSelector.Choice choice = selector.choose(filtered.survivors(), minibatch, evidence);
    rejected.addAll(choice.rejected());
    if (choice.chosen().isEmpty()) {
      return new Proposal(List.of(), "opro: the best candidate was significantly worse than the current config ("
          + choice.account() + ")", rejected);
    }
    Survivor chosen = choice.chosen().get();
    return new Proposal(chosen.changes(), summary(plan, chosen, choice.account()), rejected);
  }

  private String summary(ConfigAnalysis plan, Survivor chosen, String account) {
    String fields = chosen.changes().stream().map(FieldChange::field).map(f -> f.key())
        .collect(Collectors.joining(", "));
    StringBuilder s = new StringBuilder("opro (").append(prompts.versions()).append("): changed ").append(fields)
        .append("; ").append(account).append('.');
    if (!plan.summary().isEmpty()) {
      s.append(" Analysis: ").append(plan.summary());
    }
    if (!chosen.rationale().isEmpty()) {
      s.append(" Improvement: ").append(chosen.rationale());
    }
    return s.toString();
  }

  private static List<RejectedAlternative> failedCalls(CandidateGenerator.Generated generated) {
    return generated.failures().stream()
        .map(f -> new RejectedAlternative("failed improvement call", List.of(), f)).toList();
  }

  private static String reasons(List<RejectedAlternative> rejected) {
    return rejected.stream().map(r -> r.label() + ": " + r.reason()).distinct().collect(Collectors.joining("; "));
  }
}
