package dev.diaharness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.cli.CliTestSupport;
import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The {@code compare} tests' shared fixture: the CLI run in-process, and one real optimize run of the shipped
 * example (embedded emulator, examples optimizer, 3 iterations) made once per test JVM, since every compare test
 * reads the same run and an optimize run is the slow part.
 */
final class ExampleOptimizeRun {
  private static Path run;

  private ExampleOptimizeRun() {}

  static CliRun dia(String... args) {
    return CliTestSupport.run(args);
  }

  /** {@code compare ARGS --json}'s answer, after checking that it exited 0. */
  static JsonNode compareJson(String... args) throws IOException {
    String[] withJson = Stream.concat(Stream.of("compare"), Stream.concat(Stream.of(args), Stream.of("--json")))
        .toArray(String[]::new);
    CliRun r = dia(withJson);
    assertThat(r.exitCode()).as(r.err()).isZero();
    return Json.MAPPER.readTree(r.out());
  }

  /** The run folder, made on first use; its temporary folder is deleted when the JVM exits. */
  static synchronized Path folder() throws IOException {
    if (run == null) {
      Path results = Files.createTempDirectory("compare-optimize-run");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(results)));
      CliRun r = dia("optimize", "--embedded", "--config-file", "examples/ecommerce/baseline_config.json",
          "--golden-set", "examples/ecommerce/golden_set.json", "--test-set", "examples/ecommerce/test_set.json",
          "--num-repeats", "1", "--max-iterations", "3", "--auto-accept", "--optimizer", "examples",
          "--results-dir", results.toString());
      assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
      try (Stream<Path> runs = Files.list(results)) {
        run = runs.filter(p -> p.getFileName().toString().startsWith("run_")).findFirst().orElseThrow();
      }
    }
    return run;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
