package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verdicts depend only on (seed, data, the two SQL texts): the same pairs scored in fresh JVMs — in another order,
 * with another processor count, and with another hash seed for immutable collections' iteration order — give the same
 * verdict, status, score and evidence, byte for byte. Issue 12 saw PASS in 5 of 12 JVMs for one pair: which column
 * the nudge's last update reached followed the iteration order of an immutable map.
 */
class VerdictDeterminismTest {
  private static final Path CORPUS = Path.of("src", "test", "resources", "scoring", "hard_pairs.jsonl");
  private static final String DATA = Path.of("examples", "ecommerce", "data").toString();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Every 6th pair of the hard corpus: boundaries, luck, policy, semantics and general cases alike. */
  private static final int STRIDE = 6;

  @TempDir Path dir;

  @Test
  void freshJvmsInAnyOrderGiveIdenticalVerdictsAndEvidence() throws Exception {
    List<String> pairs = new ArrayList<>();
    List<String> lines = Files.readAllLines(CORPUS);
    for (int i = 0; i < lines.size(); i += STRIDE) {
      ObjectNode pair = (ObjectNode) JSON.readTree(lines.get(i));
      pair.put("question_id", pair.get("id").asText());
      pairs.add(pair.toString());
    }
    Path forward = dir.resolve("forward.jsonl");
    Files.write(forward, pairs);
    List<String> reversed = new ArrayList<>(pairs);
    Collections.reverse(reversed);
    Path backward = dir.resolve("backward.jsonl");
    Files.write(backward, reversed);

    Map<String, String> first = byId(child(forward, List.of()));
    Map<String, String> second = byId(child(backward, List.of("-XX:ActiveProcessorCount=1", "-XX:+UnlockExperimentalVMOptions", "-XX:hashCode=2")));
    Map<String, String> third = byId(child(forward, List.of("-XX:ActiveProcessorCount=4")));
    assertThat(first).hasSize(pairs.size());
    assertThat(second).isEqualTo(first);
    assertThat(third).isEqualTo(first);
  }

  /** The score command's JSON lines from a fresh JVM on the test's class path. */
  private List<String> child(Path pairs, List<String> jvmFlags) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.diaharness.cli.Main", "score",
        "--pairs", pairs.toString(), "--json", "--data", DATA, "--seed", "7"));
    Path out = Files.createTempFile(dir, "child", ".out");
    Path err = Files.createTempFile(dir, "child", ".err");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("child JVM finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }

  /** question id → the verdict line without its position in the input. */
  private static Map<String, String> byId(List<String> jsonLines) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (String line : jsonLines) {
      if (!line.isBlank()) {
        ObjectNode v = (ObjectNode) JSON.readTree(line);
        v.remove("pair");
        JsonNode id = v.get("question_id");
        out.put(id.asText(), v.toString());
      }
    }
    return out;
  }
}
