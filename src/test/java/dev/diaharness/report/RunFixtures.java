package dev.diaharness.report;

import dev.diaharness.report.fixture.RunFixtureGenerator;
import dev.diaharness.run.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies a committed run fixture into a temporary folder, so a test can write reports without touching it. */
final class RunFixtures {
  static final Path RUNS = Path.of("src", "test", "resources", "runs");

  private RunFixtures() {}

  static RunDirectory optimizeRun(Path temp) {
    return copy(RunFixtureGenerator.OPTIMIZE_RUN, temp);
  }

  static RunDirectory evaluateRun(Path temp) {
    return copy(RunFixtureGenerator.EVALUATE_RUN, temp);
  }

  static RunDirectory copy(String name, Path temp) {
    Path source = RUNS.resolve(name);
    Path target = temp.resolve(name);
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path p : paths.toList()) {
        Path dest = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return RunDirectory.open(target);
  }
}
