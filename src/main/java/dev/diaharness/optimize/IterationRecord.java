package dev.diaharness.optimize;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.diaharness.run.SplitMetrics;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One iteration of the trajectory: the config that WAS evaluated (never the next one — the Python tool's
 * off-by-one), how it was deployed, what its evaluation gave, and — once made — what was proposed from its training
 * failures. Written in the trajectory with the Python tool's flat keys ({@link IterationRecordJson}). This record is
 * immutable.
 *
 * @param proposal empty until the proposal made from this iteration is recorded
 * @throws IllegalArgumentException when the iteration is below 1
 */
@JsonSerialize(converter = IterationRecordJson.FromRecord.class)
@JsonDeserialize(converter = IterationRecordJson.ToRecord.class)
public record IterationRecord(int iteration, Instant timestamp, ConfigSnapshot config, Deployment deployment,
    IterationResults results, Optional<ProposalRecord> proposal) {

  public IterationRecord {
    if (iteration < 1) {
      throw new IllegalArgumentException("iteration is 1-based, got " + iteration);
    }
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(results, "results");
    proposal = Objects.requireNonNullElse(proposal, Optional.empty());
  }

  /** An iteration whose config was deployed, verified and evaluated; nothing proposed from it yet. */
  public static IterationRecord evaluated(int iteration, Instant timestamp, ConfigSnapshot config,
      IterationResults results) {
    return new IterationRecord(iteration, timestamp, config, Deployment.VERIFIED, results, Optional.empty());
  }

  /** This record with the proposal made from it. */
  public IterationRecord withProposal(ProposalRecord made) {
    return new IterationRecord(iteration, timestamp, config, deployment, results, Optional.of(made));
  }

  /** The next config proposed from this iteration, when one was accepted. */
  public Optional<ConfigSnapshot> suggested() {
    return proposal.flatMap(ProposalRecord::suggested);
  }

  public SplitMetrics trainMetrics() {
    return results.trainMetrics();
  }
}
