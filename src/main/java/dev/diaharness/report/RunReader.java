package dev.diaharness.report;

import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import dev.diaharness.optimize.IterationRecord;
import dev.diaharness.optimize.Trajectory;
import dev.diaharness.optimize.TrajectoryStore;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.JournalReader;
import dev.diaharness.run.MetricsFile;
import dev.diaharness.run.RunDirectory;
import dev.diaharness.run.RunManifest;
import dev.diaharness.run.Split;
import dev.diaharness.run.SplitMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a run folder into a {@link RunRecord}: {@code run.json}, {@code metrics.json}, the trajectory and the eval
 * rows of every iteration. Copes with a partial run (any file missing, an iteration with rows but no metrics yet);
 * metrics come from {@code metrics.json}, else from the trajectory record, never recomputed. Stateless.
 */
public final class RunReader {
  private RunReader() {}

  /**
   * @throws InputException naming the file when the folder does not exist, holds no run file at all, or a file is
   *     not readable JSON
   */
  public static RunRecord read(RunDirectory dir) {
    Optional<RunManifest> manifest = readJson(dir.manifestFile(), dev.diaharness.run.RunFolder.MANIFESTS);
    Optional<MetricsFile> metrics = readJson(dir.metricsFile(), dev.diaharness.run.MetricsReader.FILES);
    Optional<Trajectory> trajectory = trajectoryFile(dir).flatMap(f -> new TrajectoryStore(f).read());
    TreeSet<Integer> numbers = iterationNumbers(dir, metrics, trajectory);
    if (manifest.isEmpty() && metrics.isEmpty() && trajectory.isEmpty() && numbers.isEmpty()) {
      throw InputException.inFile(dir.root(),
          "not a run folder: no run.json, metrics.json, trajectory_history_*.json or iterations/");
    }
    List<IterationData> iterations = new ArrayList<>();
    for (int n : numbers) {
      iterations.add(iteration(dir, n, metrics, trajectory));
    }
    String runId = manifest.map(RunManifest::runId)
        .or(() -> trajectory.map(Trajectory::runId))
        .or(() -> metrics.map(MetricsFile::runId))
        .orElse(dir.root().getFileName().toString());
    return new RunRecord(dir.root(), runId, dir.timestamp(), manifest, metrics, trajectory, iterations);
  }

  private static IterationData iteration(RunDirectory dir, int n, Optional<MetricsFile> metrics,
      Optional<Trajectory> trajectory) {
    Optional<MetricsFile.IterationMetrics> fromFile = metrics.flatMap(m -> m.iterations().stream()
        .filter(i -> i.iteration() == n).findFirst());
    Optional<IterationRecord> record = trajectory.flatMap(t -> t.iterations().stream()
        .filter(r -> r.iteration() == n).findFirst());
    return IterationData.of(n,
        splitMetrics(fromFile.map(MetricsFile.IterationMetrics::train), record, "train"),
        splitMetrics(fromFile.map(MetricsFile.IterationMetrics::test), record, "test"),
        rows(dir, n, Split.TRAIN), rows(dir, n, Split.TEST), record);
  }

  private static Optional<SplitMetrics> splitMetrics(Optional<SplitMetrics> fromFile,
      Optional<IterationRecord> record, String split) {
    return fromFile.or(() -> record.map(r -> r.results().metrics().get(split)));
  }

  /** The latest row per (question, repeat), sorted by question id (natural order) then repeat. */
  private static List<ItemResult> rows(RunDirectory dir, int n, Split split) {
    List<ItemResult> rows = new ArrayList<>(JournalReader.latestByKey(dir.evalFile(n, split)).values());
    rows.sort(Comparator.comparing((ItemResult r) -> r.key().questionId(), NaturalOrder.INSTANCE)
        .thenComparingInt(r -> r.key().repeat()));
    return rows;
  }

  private static TreeSet<Integer> iterationNumbers(RunDirectory dir, Optional<MetricsFile> metrics,
      Optional<Trajectory> trajectory) {
    TreeSet<Integer> numbers = new TreeSet<>();
    metrics.ifPresent(m -> m.iterations().forEach(i -> numbers.add(i.iteration())));
    trajectory.ifPresent(t -> t.iterations().forEach(r -> numbers.add(r.iteration())));
    Path folder = dir.root().resolve("iterations");
    if (Files.isDirectory(folder)) {
      try (Stream<Path> children = Files.list(folder)) {
        children.map(p -> p.getFileName().toString()).filter(name -> name.matches("\\d{1,6}"))
            .filter(name -> Files.exists(dir.evalFile(Integer.parseInt(name), Split.TRAIN))
                || Files.exists(dir.evalFile(Integer.parseInt(name), Split.TEST)))
            .forEach(name -> numbers.add(Integer.parseInt(name)));
      } catch (IOException e) {
        throw InputException.inFile(folder, "cannot list: " + e.getMessage());
      }
    }
    return numbers;
  }

  /**
   * {@code trajectory_history_<ts>.json}; when the folder got a suffix ({@code run_<ts>_2}) the stamp in the file
   * name differs from the folder's, so the single file matching the pattern is taken instead.
   */
  static Optional<Path> trajectoryFile(RunDirectory dir) {
    if (Files.exists(dir.trajectoryFile())) {
      return Optional.of(dir.trajectoryFile());
    }
    try (Stream<Path> files = Files.list(dir.root())) {
      List<Path> found = files.filter(p -> {
        String name = p.getFileName().toString();
        return name.startsWith("trajectory_history_") && name.endsWith(".json");
      }).sorted().toList();
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    } catch (IOException e) {
      throw InputException.inFile(dir.root(), "cannot list: " + e.getMessage());
    }
  }

  private static <T> Optional<T> readJson(Path file, dev.diaharness.core.VersionedJson<T> reader) {
    return Files.exists(file) ? Optional.of(reader.read(file)) : Optional.empty();
  }

}
