package dev.diaharness.optimize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.util.StdConverter;
import dev.diaharness.run.SplitMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The trajectory shape of an {@link IterationRecord}: the Python tool's flat keys ({@code iteration, timestamp,
 * configuration, evaluation.train|test, failures, prompt_changes, action, rollback_to_iteration}) plus the ones this
 * tool adds, used only to write and read the record. Before a proposal is recorded, its fields are absent (or
 * {@code false} / empty), as they always were.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IterationRecordJson(
    int iteration,
    Instant timestamp,
    JsonNode configuration,
    String configHash,
    boolean deploymentSuccess,
    String deploymentMessage,
    Map<String, SplitSummary> evaluation,
    Map<String, SplitMetrics> metrics,
    List<FailureEntry> failures,
    List<String> fixed,
    List<String> broken,
    JsonNode suggestedConfiguration,
    String suggestedConfigHash,
    boolean configApproved,
    List<AppliedChange> promptChanges,
    String proposalSummary,
    String action,
    Integer rollbackToIteration) {

  /** The flat shape of {@code r}. */
  public static IterationRecordJson of(IterationRecord r) {
    IterationResults res = r.results();
    Optional<ProposalRecord> p = r.proposal();
    Optional<ConfigSnapshot> suggested = p.flatMap(ProposalRecord::suggested);
    return new IterationRecordJson(r.iteration(), r.timestamp(), orNull(r.config().configuration()), r.config().hash(),
        r.deployment().success(), r.deployment().message(), res.evaluation(), res.metrics(), res.failures(),
        res.fixed(), res.broken(), suggested.map(ConfigSnapshot::configuration).orElse(null),
        suggested.map(ConfigSnapshot::hash).orElse(null), p.map(ProposalRecord::approved).orElse(false),
        p.map(ProposalRecord::changes).orElse(List.of()), p.map(ProposalRecord::summary).orElse(null),
        p.map(ProposalRecord::action).orElse(null), p.flatMap(ProposalRecord::rollbackTo).orElse(null));
  }

  /**
   * The record this object holds.
   *
   * @throws IllegalArgumentException naming the field when the keys contradict each other (a suggested config
   *                                  without its hash, an action other than rollback, a rollback without its target)
   */
  public IterationRecord toRecord() {
    var results = new IterationResults(evaluation, metrics, failures, fixed, broken);
    var deployment = new Deployment(deploymentSuccess, Objects.requireNonNullElse(deploymentMessage, ""));
    return new IterationRecord(iteration, timestamp, new ConfigSnapshot(configuration, configHash), deployment,
        results, proposal());
  }

  private Optional<ProposalRecord> proposal() {
    // Jackson reads an explicit JSON null into a JsonNode field as NullNode: absent all the same
    JsonNode suggestedConfiguration = orNull(this.suggestedConfiguration);
    boolean made = suggestedConfiguration != null || suggestedConfigHash != null || configApproved
        || (promptChanges != null && !promptChanges.isEmpty()) || proposalSummary != null || action != null
        || rollbackToIteration != null;
    if (!made) {
      return Optional.empty();
    }
    if ((suggestedConfiguration == null) != (suggestedConfigHash == null)) {
      throw new IllegalArgumentException("suggested_configuration and suggested_config_hash go together");
    }
    if (action != null && !action.equals(ProposalRecord.ROLLBACK)) {
      throw new IllegalArgumentException("action must be \"rollback\" or absent, got \"" + action + "\"");
    }
    if ((action != null) != (rollbackToIteration != null)) {
      throw new IllegalArgumentException("action \"rollback\" and rollback_to_iteration go together");
    }
    Optional<ConfigSnapshot> suggested = suggestedConfiguration == null ? Optional.empty()
        : Optional.of(new ConfigSnapshot(suggestedConfiguration, suggestedConfigHash));
    return Optional.of(new ProposalRecord(suggested, configApproved, promptChanges, proposalSummary,
        Optional.ofNullable(rollbackToIteration)));
  }

  private static JsonNode orNull(JsonNode node) {
    return node == null || node.isNull() ? null : node;
  }

  /** Writes an {@link IterationRecord} as its flat shape. */
  static final class FromRecord extends StdConverter<IterationRecord, IterationRecordJson> {
    @Override
    public IterationRecordJson convert(IterationRecord value) {
      return of(value);
    }
  }

  /** Reads an {@link IterationRecord} from its flat shape. */
  static final class ToRecord extends StdConverter<IterationRecordJson, IterationRecord> {
    @Override
    public IterationRecord convert(IterationRecordJson value) {
      return value.toRecord();
    }
  }
}
