package dev.diaharness.run;

import dev.diaharness.core.AtomicFiles;
import dev.diaharness.core.InputException;
import dev.diaharness.core.VersionedJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder an {@code evaluate} or {@code optimize} run writes to, and its {@code run.json}: a new folder under the
 * results folder, or — {@code --resume} — an existing run's, whose manifest the run goes on from. Immutable.
 *
 * @param directory the run folder
 * @param earlier   the manifest of the run being resumed; empty for a new run
 */
public record RunFolder(RunDirectory directory, Optional<RunManifest> earlier) {
  /** The one reader of run.json: refuses a newer version and unknown fields, naming the file; reads older ones. */
  public static final VersionedJson<RunManifest> MANIFESTS =
      new VersionedJson<>(RunManifest.class, RunManifest.CURRENT_VERSION, "run manifest");

  public RunFolder {
    java.util.Objects.requireNonNull(directory, "directory");
    java.util.Objects.requireNonNull(earlier, "earlier");
  }

  /**
   * A new run folder {@code run_<timestamp>} under {@code resultsDir}.
   *
   * @param clearPriorRuns first delete the earlier {@code run_*} folders there (only those: a results folder may
   *     hold other things)
   */
  public static RunFolder create(Path resultsDir, boolean clearPriorRuns, LocalDateTime now) {
    if (clearPriorRuns) {
      deletePriorRuns(resultsDir);
    }
    return new RunFolder(RunDirectory.create(resultsDir, now), Optional.empty());
  }

  /**
   * The folder of an earlier run, to go on with it.
   *
   * @throws InputException naming the folder or file when it is not a run folder or its run.json is unreadable,
   *     newer than this dia-harness or has an unknown field
   */
  public static RunFolder resume(Path root) {
    RunDirectory directory = RunDirectory.open(root);
    return new RunFolder(directory, Optional.of(manifestOf(root)));
  }

  /**
   * The run.json of a run folder, read strictly.
   *
   * @throws InputException naming the folder when it has no run.json, or the file when it cannot be read
   */
  public static RunManifest manifestOf(Path runDir) {
    Path file = runDir.resolve("run.json");
    if (!Files.isRegularFile(file)) {
      throw InputException.inFile(runDir, "not a run folder: it has no run.json");
    }
    return MANIFESTS.read(file);
  }

  /** true when the run goes on from an earlier one. */
  public boolean resumed() {
    return earlier.isPresent();
  }

  /**
   * Writes run.json at the start: {@code fresh} for a new run; for a resumed one, {@code fresh} as the continuation
   * of the earlier manifest (which keeps how the run began).
   *
   * @return the manifest written
   */
  public RunManifest begin(RunManifest fresh) {
    RunManifest manifest = earlier.map(fresh::continuing).orElse(fresh);
    AtomicFiles.writeJson(directory.manifestFile(), manifest);
    return manifest;
  }

  /**
   * Rewrites run.json with how the run ended.
   *
   * @param begun the manifest {@link #begin} wrote
   */
  public void end(RunManifest begun, Instant at, String reason) {
    AtomicFiles.writeJson(directory.manifestFile(), begun.ended(at, reason));
  }

  private static void deletePriorRuns(Path resultsDir) {
    if (!Files.isDirectory(resultsDir)) {
      return;
    }
    try (Stream<Path> runs = Files.list(resultsDir)) {
      for (Path run : runs.filter(p -> p.getFileName().toString().startsWith("run_")).toList()) {
        try (Stream<Path> walk = Files.walk(run)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + resultsDir, e);
    }
  }
}
