package dev.diaharness.optimize;

import dev.diaharness.core.AtomicFiles;
import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads and atomically rewrites the trajectory file (write a temp file, then rename), so a crash leaves either
 * the previous or the new version, never half of one. Thread-safe for one writer.
 */
public final class TrajectoryStore {
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
    try {
      return Optional.of(Json.MAPPER.readValue(file.toFile(), Trajectory.class));
    } catch (IOException e) {
      throw InputException.inFile(file, "not a readable trajectory: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
