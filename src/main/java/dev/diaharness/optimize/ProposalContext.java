package dev.diaharness.optimize;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.Split;
import dev.diaharness.run.SplitMetrics;
import java.util.List;
import java.util.Set;

/**
 * Everything a proposer may see, and by construction nothing of the test set: the training questions, the
 * training rows of the iteration just evaluated, and the configs tried so far with their training accuracy.
 *
 * @param trainRows the current iteration's training rows (every repeat)
 * @param tried     every config evaluated so far in this run, in iteration order
 * @param triedHashes hashes of every config evaluated or rejected so far, so a proposer does not suggest one again
 */
public record ProposalContext(
    int iteration,
    AgentConfig current,
    List<GoldenCase> trainCases,
    SplitMetrics trainMetrics,
    List<ItemResult> trainRows,
    List<TriedConfig> tried,
    Set<String> triedHashes) {

  public ProposalContext {
    trainCases = List.copyOf(trainCases);
    trainRows = List.copyOf(trainRows);
    tried = List.copyOf(tried);
    triedHashes = Set.copyOf(triedHashes);
    if (trainMetrics.split() != Split.TRAIN || trainRows.stream().anyMatch(r -> r.key().split() != Split.TRAIN)) {
      throw new IllegalArgumentException("a proposer sees training data only");
    }
  }
}
