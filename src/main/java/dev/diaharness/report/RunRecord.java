package dev.diaharness.report;

import dev.diaharness.optimize.BestConfig;
import dev.diaharness.optimize.IterationRecord;
import dev.diaharness.optimize.Trajectory;
import dev.diaharness.run.MetricsFile;
import dev.diaharness.run.RunManifest;
import dev.diaharness.run.Split;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything a report shows about one run, read once from its files ({@link RunReader}); each report and chart is a
 * projection of it. Any file may be missing (a run that crashed early): the optionals say what was there.
 * Immutable.
 *
 * @param root       the run folder
 * @param runId      run id from {@code run.json}, else the trajectory, else the folder name
 * @param timestamp  the run's stamp, used in the report's file name
 * @param iterations every iteration any file mentions, in order
 */
public record RunRecord(Path root, String runId, String timestamp, Optional<RunManifest> manifest,
    Optional<MetricsFile> metrics, Optional<Trajectory> trajectory, List<IterationData> iterations) {

  public RunRecord {
    iterations = List.copyOf(iterations);
  }

  /** An optimize run (has a trajectory, or says so in run.json); evaluate runs have no optimization sections. */
  public boolean isOptimization() {
    return trajectory.isPresent() || manifest.map(m -> "optimize".equals(m.command())).orElse(false);
  }

  public boolean hasTest() {
    return iterations.stream().anyMatch(i -> i.has(Split.TEST));
  }

  /**
   * The iteration the run chose as best (on training data) as recorded in the trajectory (chosen by the loop's own
   * rule when the run ended before recording it); the last one in an evaluate run.
   */
  public Optional<IterationData> best() {
    Optional<Integer> recorded = trajectory.map(Trajectory::bestIteration)
        .or(() -> trajectory.flatMap(t -> BestConfig.of(t.iterations())).map(IterationRecord::iteration));
    return recorded.isPresent() ? iteration(recorded.get()) : last();
  }

  public Optional<IterationData> first() {
    return iterations.isEmpty() ? Optional.empty() : Optional.of(iterations.get(0));
  }

  public Optional<IterationData> last() {
    return iterations.isEmpty() ? Optional.empty() : Optional.of(iterations.get(iterations.size() - 1));
  }

  public Optional<IterationData> iteration(int n) {
    return iterations.stream().filter(i -> i.iteration() == n).findFirst();
  }

  /** The iteration before {@code n} that is in the record, if any. */
  public Optional<IterationData> previous(int n) {
    IterationData prev = null;
    for (IterationData i : iterations) {
      if (i.iteration() < n) {
        prev = i;
      }
    }
    return Optional.ofNullable(prev);
  }
}
