package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.core.AtomicFiles;
import dev.diaharness.core.Json;
import dev.diaharness.optimize.Trajectory;
import dev.diaharness.optimize.TrajectoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grouped {@link SplitMetrics} keeps the files' flat shape: every {@code metrics.json} and trajectory of the
 * committed run fixtures (written before the metrics were grouped) reads and writes back byte for byte, so a renamed
 * or moved field fails here; a version 1 file (no {@code per_question}, no breakdowns) still reads.
 */
class MetricsFileRoundTripTest {
  static final Path RUNS = Path.of("src/test/resources/runs");

  @TempDir
  Path temp;

  @Test
  void everyCommittedMetricsFileReadsAndWritesBackByteIdentically() throws IOException {
    List<Path> files = fixtures("metrics.json");
    assertThat(files).hasSizeGreaterThanOrEqualTo(2);
    int splits = 0;
    for (Path file : files) {
      MetricsFile read = MetricsReader.FILES.read(file);
      Path written = temp.resolve("metrics.json");
      AtomicFiles.writeJson(written, read);
      assertThat(Files.readString(written)).as(file.toString()).isEqualTo(Files.readString(file));
      for (MetricsFile.IterationMetrics it : read.iterations()) {
        splits += it.test() == null ? 1 : 2;
      }
    }
    assertThat(splits).as("split metrics checked").isGreaterThanOrEqualTo(4);
  }

  @Test
  void everyCommittedTrajectoryReadsAndWritesBackByteIdentically() throws IOException {
    List<Path> files = fixtures("trajectory_history_");
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      Trajectory read = TrajectoryStore.FILES.read(file);
      assertThat(read.iterations()).allSatisfy(r -> assertThat(r.results().metrics()).isNotEmpty());
      Path written = temp.resolve(file.getFileName());
      AtomicFiles.writeJson(written, read);
      assertThat(Files.readString(written)).as(file.toString()).isEqualTo(Files.readString(file));
    }
  }

  /** A version 1 file: no per_question, null breakdowns; read with empty maps, then completed on read. */
  @Test
  void aVersionOneFileStillReads() throws IOException {
    Path fixture = RUNS.resolve("run_20260302_093000/metrics.json");
    ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(fixture.toFile());
    tree.put("version", 1);
    tree.findParents("per_question").forEach(p -> ((ObjectNode) p).remove("per_question"));
    tree.findParents("by_tag").forEach(p -> ((ObjectNode) p).putNull("by_tag"));
    tree.findParents("by_complexity").forEach(p -> ((ObjectNode) p).remove("by_complexity"));
    Path old = temp.resolve("metrics.json");
    Files.writeString(old, Json.MAPPER.writeValueAsString(tree));

    SplitMetrics train = MetricsReader.FILES.read(old).iterations().get(0).train();

    assertThat(train.lacksPerQuestion()).isTrue();
    assertThat(train.byQuestion().stats()).isEmpty();
    assertThat(train.groups().byTag()).isEmpty();
    assertThat(train.groups().byComplexity()).isEmpty();
    assertThat(train.items()).isEqualTo(16);
    assertThat(train.passed()).isEqualTo(5);
    assertThat(train.accuracyPercent()).isEqualTo(31.25);
    SplitMetrics completed = train.withPerQuestion(SplitAggregator.questionStats(
        JournalReader.readAll(RUNS.resolve("run_20260302_093000/iterations/1/eval_train.jsonl"))));
    assertThat(completed.lacksPerQuestion()).isFalse();
    assertThat(completed.byQuestion().stats()).hasSize(8);
  }

  private static List<Path> fixtures(String namePart) throws IOException {
    try (Stream<Path> walk = Files.walk(RUNS)) {
      return walk.filter(p -> p.getFileName().toString().startsWith(namePart)).sorted().toList();
    }
  }
}
