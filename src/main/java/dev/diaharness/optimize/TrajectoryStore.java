package dev.diaharness.optimize;

import dev.diaharness.core.AtomicFiles;
import dev.diaharness.core.VersionedJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads and atomically rewrites the trajectory file (write a temp file, then rename), so a crash leaves either
 * the previous or the new version, never half of one. Thread-safe for one writer.
 */
public final class TrajectoryStore {
  /** The one reader of trajectory files: refuses a newer version and unknown fields. */
  public static final VersionedJson<Trajectory> FILES =
      new VersionedJson<>(Trajectory.class, Trajectory.CURRENT_VERSION, "trajectory");
  private final Path file;

  public TrajectoryStore(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  public synchronized void write(Trajectory trajectory) {
    AtomicFiles.writeJson(file, trajectory);
  }

  public Optional<Trajectory> read() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(FILES.read(file));
  }
}
