package dev.diaharness.run;

import dev.diaharness.core.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The folder of one run, {@code results/run_<YYYYMMDD_HHMMSS>/} (SPEC §6), and the names of the files in it.
 * Immutable.
 */
public record RunDirectory(Path root, String timestamp) {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

  /** Creates a new run folder under {@code resultsDir}; a second run in the same second gets a suffix. */
  public static RunDirectory create(Path resultsDir, LocalDateTime now) {
    String stamp = STAMP.format(now);
    try {
      Files.createDirectories(resultsDir);
      Path root = resultsDir.resolve("run_" + stamp);
      for (int n = 2; Files.exists(root); n++) {
        root = resultsDir.resolve("run_" + stamp + "_" + n);
      }
      Files.createDirectories(root);
      return new RunDirectory(root, root.getFileName().toString().substring("run_".length()));
    } catch (IOException e) {
      throw InputException.inFile(resultsDir, "cannot create the run folder: " + e.getMessage());
    }
  }

  /** An existing run folder, for {@code --resume} and {@code report}. */
  public static RunDirectory open(Path root) {
    if (!Files.isDirectory(root)) {
      throw InputException.inFile(root, "not a run folder (it does not exist)");
    }
    String name = root.getFileName().toString();
    String stamp = name.startsWith("run_") ? name.substring(4) : name;
    return new RunDirectory(root, stamp);
  }

  public Path journal() {
    return root.resolve("journal.jsonl");
  }

  public Path evalFile(int iteration, Split split) {
    return root.resolve("iterations").resolve(Integer.toString(iteration)).resolve("eval_" + split.label() + ".jsonl");
  }

  /** {@code run.json}: the {@link RunManifest}. */
  public Path manifestFile() {
    return root.resolve("run.json");
  }

  public Path metricsFile() {
    return root.resolve("metrics.json");
  }

  public Path configsDir() {
    return createdDir(root.resolve("configs"));
  }

  public Path chartsDir() {
    return createdDir(root.resolve("charts"));
  }

  public Path trajectoryFile() {
    return root.resolve("trajectory_history_" + timestamp + ".json");
  }

  private static Path createdDir(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
