package dev.diaharness.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a crash leaves either the old or the new version, never half of one: write a sibling temp
 * file, then rename it over the target. Stateless.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code value} as pretty-printed JSON. */
  public static void writeJson(Path target, Object value) {
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Path temp = target.resolveSibling(target.getFileName() + ".tmp");
      Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), value);
      move(temp, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
