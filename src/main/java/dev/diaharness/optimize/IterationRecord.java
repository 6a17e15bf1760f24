package dev.diaharness.optimize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.diaharness.run.SplitMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One iteration of the trajectory: the config that WAS evaluated (never the next one — the Python tool's
 * off-by-one), its hash, the deployment result, the metrics, and what was proposed from its training failures.
 * Keeps the Python tool's keys ({@code iteration, timestamp, configuration, evaluation.train|test, failures,
 * prompt_changes, action, rollback_to_iteration}) and adds new ones.
 *
 * @param evaluation     "train"/"test" → the Python-compatible summary
 * @param metrics        "train"/"test" → all metrics
 * @param fixed          training questions passing (majority of repeats) now but not in the previous iteration
 * @param broken         training questions failing now that passed in the previous iteration
 * @param promptChanges  the proposal made from this iteration, with the decisions on each change
 * @param action         null, or "rollback" when the next config starts from the best one
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IterationRecord(
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

  public IterationRecord {
    evaluation = Map.copyOf(evaluation);
    metrics = Map.copyOf(metrics);
    failures = List.copyOf(failures);
    fixed = List.copyOf(fixed);
    broken = List.copyOf(broken);
    promptChanges = promptChanges == null ? List.of() : List.copyOf(promptChanges);
  }

  public SplitMetrics trainMetrics() {
    return metrics.get("train");
  }

  /** This record with the proposal made from it. */
  public IterationRecord withProposal(JsonNode suggested, String suggestedHash, boolean approved,
      List<AppliedChange> changes, String summary, String newAction, Integer rollbackTo) {
    return new IterationRecord(iteration, timestamp, configuration, configHash, deploymentSuccess,
        deploymentMessage, evaluation, metrics, failures, fixed, broken, suggested, suggestedHash, approved, changes,
        summary, newAction, rollbackTo);
  }
}
