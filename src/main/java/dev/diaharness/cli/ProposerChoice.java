package dev.diaharness.cli;

import dev.diaharness.core.InputException;
import dev.diaharness.optimize.ExamplesProposer;
import dev.diaharness.optimize.ProposalValidator;
import dev.diaharness.optimize.Proposer;
import dev.diaharness.run.RunListener;
import java.util.Locale;
import dev.diaharness.llm.ChatModel;
import dev.diaharness.llm.MeteredChatModel;
import dev.diaharness.llm.UsageRole;
import dev.diaharness.optimize.opro.CandidateScreen;
import dev.diaharness.optimize.opro.OproOptions;
import dev.diaharness.optimize.opro.OproProposer;
import dev.diaharness.sql.SqlParseResult;
import dev.diaharness.sql.SqlParser;
import java.util.Optional;

/** The optimizer of a run: {@code --optimizer}, else opro with a model configured, else the offline examples one. */
record ProposerChoice(String name, Proposer proposer) {
  static ProposerChoice choose(OptimizerOptionsMixin flags, ModelSetup models, RunListener listener,
      Optional<CandidateScreen> screen) {
    String name = nameOf(flags, models);
    switch (name) {
      case "examples":
        listener.note("optimizer: examples (offline: adds failed training questions as few-shot examples, up to "
            + flags.maxExamples + ")");
        return new ProposerChoice(name, new ExamplesProposer(flags.maxExamples, flags.examplesPerIteration));
      case "opro":
        return opro(flags, models, listener, screen);
      default:
        throw new InputException("--optimizer must be opro or examples, got '" + flags.optimizer + "'");
    }
  }

  /** The optimizer's name as given, lower case; else opro with a model configured, else examples. */
  static String nameOf(OptimizerOptionsMixin flags, ModelSetup models) {
    return flags.optimizer == null
        ? (models.roles.promptImprovement().isPresent() ? "opro" : "examples")
        : flags.optimizer.toLowerCase(Locale.ROOT);
  }

  private static ProposerChoice opro(OptimizerOptionsMixin flags, ModelSetup models, RunListener listener,
      Optional<CandidateScreen> screen) {
    ChatModel improvement = models.roles.promptImprovement().orElseThrow(() -> new InputException(
        "--optimizer opro needs a model: set PROMPT_IMPROVEMENT_MODEL (e.g. gemini-2.5-pro or openai:MODEL)"));
    ChatModel analysis = models.roles.configAnalysis().orElse(improvement);
    listener.note("optimizer: opro (analysis " + analysis.id() + ", improvement " + improvement.id() + ", "
        + flags.candidates + " candidates screened on " + flags.minibatch + " training questions)");
    OproOptions options = OproOptions.defaults().withCandidates(flags.candidates).withMinibatchSize(flags.minibatch)
        .withSeed(flags.seedForMinibatch);
    return new ProposerChoice("opro", new OproProposer(
        new MeteredChatModel(analysis, UsageRole.ANALYSIS, models.ledger, models.budget),
        new MeteredChatModel(improvement, UsageRole.IMPROVEMENT, models.ledger, models.budget),
        validator(), options, screen));
  }

  static ProposalValidator validator() {
    return new ProposalValidator(ProposerChoice::parses);
  }

  private static boolean parses(String sql) {
    return SqlParser.parse(sql) instanceof SqlParseResult.Parsed;
  }
}
