package dev.diaharness.optimize;

import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    writeAtomically(file, trajectory);
  }

  /** Writes any JSON value atomically. */
  public static void writeAtomically(Path target, Object value) {
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Path temp = target.resolveSibling(target.getFileName() + ".tmp");
      Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), value);
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
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
