package dev.diaharness.optimize;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.core.InputException;
import dev.diaharness.run.RunFolder;
import dev.diaharness.run.RunManifest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where an optimize run starts: iteration 1 with the starting config, or — resuming — the last started iteration
 * again (its finished items come from the journal, so nothing finished is asked again), or the next one when the
 * last iteration had already proposed its successor (the proposal is re-used, not asked for again).
 */
public record ResumePoint(Trajectory trajectory, int iteration, AgentConfig config) {
  /**
   * @param folder         the run's folder, new or resumed
   * @param manifest       the run.json the run began with (agent and command line of a fresh trajectory)
   * @param optimizer      the proposer's name, for a fresh trajectory
   * @param startingConfig the config of iteration 1 of a run that has not started one yet
   * @throws InputException naming the file when a resumed iteration's evaluated config is missing
   */
  public static ResumePoint of(RunFolder folder, RunManifest manifest, RunFiles files, TrajectoryStore store,
      String optimizer, Supplier<AgentConfig> startingConfig) {
    Optional<Trajectory> saved = folder.resumed() ? store.read() : Optional.empty();
    int last = files.lastStartedIteration();
    if (saved.isEmpty() || last == 0) {
      Trajectory fresh = new Trajectory(Trajectory.CURRENT_VERSION,
          folder.directory().root().getFileName().toString(), manifest.agentName(), manifest.agentId(),
          Clock.systemUTC().instant(), manifest.commandLine(), optimizer, List.of(), null, null, null);
      return new ResumePoint(fresh, 1, startingConfig.get());
    }
    Trajectory trajectory = saved.get().withEnd(null, null, null);
    boolean proposed = trajectory.iterations().stream()
        .anyMatch(r -> r.iteration() == last && r.suggested().isPresent());
    Optional<AgentConfig> next = proposed ? files.read(files.suggestedConfig(last)) : Optional.empty();
    if (next.isPresent()) {
      return new ResumePoint(trajectory, last + 1, next.get());
    }
    AgentConfig config = files.read(files.evaluatedConfig(last)).orElseThrow(() ->
        InputException.inFile(files.evaluatedConfig(last), "missing: cannot resume iteration " + last));
    List<IterationRecord> kept = trajectory.iterations().stream().filter(r -> r.iteration() < last).toList();
    Trajectory before = new Trajectory(trajectory.version(), trajectory.runId(), trajectory.agentName(),
        trajectory.agentId(), trajectory.startTime(), trajectory.commandLine(), trajectory.optimizer(), kept, null,
        null, null);
    return new ResumePoint(before, last, config);
  }
}
