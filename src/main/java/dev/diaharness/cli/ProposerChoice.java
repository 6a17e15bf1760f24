package dev.diaharness.cli;

import dev.diaharness.core.InputException;
import dev.diaharness.optimize.ExamplesProposer;
import dev.diaharness.optimize.ProposalValidator;
import dev.diaharness.optimize.Proposer;
import dev.diaharness.run.RunListener;
import java.util.Locale;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;

/** The optimizer of a run: {@code --optimizer}, else opro with a model configured, else the offline examples one. */
record ProposerChoice(String name, Proposer proposer) {
  static ProposerChoice choose(OptimizerOptionsMixin flags, ModelSetup models, RunListener listener) {
    String name = flags.optimizer == null
        ? (models.roles.promptImprovement().isPresent() ? "opro" : "examples")
        : flags.optimizer.toLowerCase(Locale.ROOT);
    switch (name) {
      case "examples":
        listener.note("optimizer: examples (offline: adds failed training questions as few-shot examples, up to "
            + flags.maxExamples + ")");
        return new ProposerChoice(name, new ExamplesProposer(flags.maxExamples, flags.examplesPerIteration));
      case "opro":
        throw new InputException("--optimizer opro is not available in this build yet; use --optimizer examples");
      default:
        throw new InputException("--optimizer must be opro or examples, got '" + flags.optimizer + "'");
    }
  }

  static ProposalValidator validator() {
    return new ProposalValidator(ProposerChoice::parses);
  }

  private static boolean parses(String sql) {
    try {
      CCJSqlParserUtil.parse(sql.replace('`', '"'));
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
