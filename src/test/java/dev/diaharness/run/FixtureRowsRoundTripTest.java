package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The grouped {@link ItemResult} keeps the files' flat shape: every row of the committed run fixtures (journals and
 * eval files) reads and writes back byte for byte, so existing run folders resume and report unchanged.
 */
class FixtureRowsRoundTripTest {
  static final Path RUNS = Path.of("src/test/resources/runs");

  @Test
  void everyCommittedRowReadsAndWritesBackByteIdentically() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(RUNS)) {
      files = walk.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(8);
    int rows = 0;
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file);
      List<ItemResult> read = JournalReader.readAll(file);
      assertThat(read).as(file.toString()).hasSameSizeAs(lines);
      for (int i = 0; i < lines.size(); i++) {
        assertThat(JournalWriter.toLine(read.get(i))).as(file + " row " + (i + 1)).isEqualTo(lines.get(i));
        rows++;
      }
    }
    assertThat(rows).as("rows checked").isGreaterThan(200);
  }
}
