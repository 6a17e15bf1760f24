package dev.diaharness.optimize;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code trajectory_history_<ts>.json}: the whole story of a run. The Python tool's top-level keys
 * ({@code agent_name, agent_id, start_time, iterations}) plus the run id, the command line, the optimizer, the
 * best iteration (chosen on training data) and why the run ended.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Trajectory(
    int version,
    String runId,
    String agentName,
    String agentId,
    Instant startTime,
    String commandLine,
    String optimizer,
    List<IterationRecord> iterations,
    Integer bestIteration,
    String endReason,
    Boolean bestDeployed) {

  /** 2: metrics carry {@code per_question} (read from version 1 files too: the report folds the rows again). */
  public static final int CURRENT_VERSION = 2;

  public Trajectory {
    iterations = List.copyOf(iterations);
  }

  /** With the record of an iteration added, or replaced when one with its number exists. */
  public Trajectory withIteration(IterationRecord record) {
    List<IterationRecord> list = new ArrayList<>(iterations);
    list.removeIf(r -> r.iteration() == record.iteration());
    list.add(record);
    list.sort(java.util.Comparator.comparingInt(IterationRecord::iteration));
    return new Trajectory(CURRENT_VERSION, runId, agentName, agentId, startTime, commandLine, optimizer, list,
        bestIteration, endReason, bestDeployed);
  }

  public Trajectory withEnd(Integer best, String reason, Boolean deployed) {
    return new Trajectory(CURRENT_VERSION, runId, agentName, agentId, startTime, commandLine, optimizer, iterations,
        best, reason, deployed);
  }
}
