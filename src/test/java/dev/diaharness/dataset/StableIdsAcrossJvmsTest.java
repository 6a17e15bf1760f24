package dev.diaharness.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pins SPEC §7 "random question ids for CSV/XLSX": ids must be the same on every load and in every JVM. */
class StableIdsAcrossJvmsTest {
  @TempDir Path dir;

  @Test
  void csvAndXlsxIdsAreTheSameOnEveryLoadAndInAnotherJvm() throws Exception {
    Path csv = SetFiles.text(dir.resolve("set.csv"),
        "question,sql\nHow many orders?,SELECT COUNT(*) FROM orders\nList the regions.,SELECT DISTINCT region FROM c\n");
    Path xlsx = SetFiles.xlsx(dir.resolve("set.xlsx"), List.of(
        List.of("NL Question", "Expected SQL"),
        List.of("How many orders?", "SELECT COUNT(*) FROM orders"),
        List.of("List the regions.", "SELECT DISTINCT region FROM c")));

    List<String> first = idsInThisJvm(csv, xlsx);
    List<String> second = idsInThisJvm(csv, xlsx);
    List<String> otherJvm = idsInAnotherJvm(csv, xlsx);

    assertThat(first).hasSize(4).allMatch(id -> id.matches("q_[0-9a-f]{12}"));
    assertThat(first).isEqualTo(second).isEqualTo(otherJvm);
    // the same question gets the same id whatever the file format
    assertThat(first.subList(0, 2)).isEqualTo(first.subList(2, 4)).doesNotHaveDuplicates();
  }

  private static List<String> idsInThisJvm(Path... files) {
    List<String> ids = new ArrayList<>();
    for (Path file : files) {
      GoldenSetLoader.load(file).cases().forEach(c -> ids.add(c.id()));
    }
    return ids;
  }

  private static List<String> idsInAnotherJvm(Path... files) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), PrintQuestionIds.class.getName()));
    for (Path file : files) {
      command.add(file.toString());
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("second JVM finished").isTrue();
    assertThat(process.exitValue()).as("second JVM output: %s", output).isZero();
    return output.lines().toList();
  }
}
