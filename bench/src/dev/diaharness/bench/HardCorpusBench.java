package dev.diaharness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.scoring.Scorer;
import dev.diaharness.scoring.ScorerSetup;
import dev.diaharness.scoring.ScoringInput;
import dev.diaharness.scoring.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 12's measure: the hard labelled corpus ({@code src/test/resources/scoring/hard_pairs.jsonl}) scored by the
 * pipeline a run builds (8 variants, seed 42, lenient comparison), in three fresh JVMs. Prints the confusion matrix
 * (label × verdict/status), the false PASS count and the share right (from the first JVM), the time per pair on the
 * first pass (every pair's variants built) and in the steady state (2 scoring threads, variants cached), and whether
 * the three JVMs gave identical verdicts and evidence.
 *
 * <p>Arguments: {@code [jvms]} (default 3). A child is this class with {@code child} as its first argument.
 */
public final class HardCorpusBench {
  private static final Path CORPUS = Path.of("src/test/resources/scoring/hard_pairs.jsonl");
  private static final Path DATA = Path.of("examples/ecommerce/data");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double MIN_SECONDS = 4.0;
  private static final int THREADS = 2;

  private HardCorpusBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("child")) {
      child();
      return;
    }
    int jvms = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    System.out.println("# hard corpus: " + Bench.machine());
    List<List<String>> outputs = new ArrayList<>();
    for (int i = 0; i < jvms; i++) {
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
          "-cp", System.getProperty("java.class.path"), HardCorpusBench.class.getName(), "child")
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("child JVM " + (i + 1) + " failed");
      }
      lines.stream().filter(l -> l.startsWith("#")).forEach(l -> System.out.println("jvm " + (outputs.size() + 1) + " " + l));
      outputs.add(lines.stream().filter(l -> !l.startsWith("#")).toList());
    }
    List<JsonNode> pairs = corpus();
    Map<String, Integer> matrix = new TreeMap<>();
    int right = 0;
    int falsePass = 0;
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      JsonNode v = JSON.readTree(outputs.get(0).get(i));
      String label = pairs.get(i).get("label").asText();
      String verdict = v.get("verdict").asText();
      String status = v.get("status").asText();
      matrix.merge(label + " | " + verdict + " | " + status, 1, Integer::sum);
      boolean ok = switch (label) {
        case "equivalent", "policy" -> verdict.equals("PASS");
        case "different" -> verdict.equals("FAIL");
        case "unstable" -> status.equals("UNSTABLE");
        default -> verdict.equals("UNDECIDED");
      };
      right += ok ? 1 : 0;
      if (!ok) {
        wrong.add(pairs.get(i).get("id").asText() + " " + pairs.get(i).get("cls").asText() + " " + label + " → "
            + verdict + " " + status + (pairs.get(i).has("depends_on") ? " (depends on the semantics work)" : ""));
      }
      falsePass += !label.equals("equivalent") && !label.equals("policy") && verdict.equals("PASS") ? 1 : 0;
    }
    matrix.forEach((k, n) -> System.out.println("| " + k + " | " + n + " |"));
    System.out.println(Bench.f("right %d of %d (%.1f%%), false PASS %d", right, pairs.size(),
        100.0 * right / pairs.size(), falsePass));
    wrong.forEach(w -> System.out.println("  wrong: " + w));
    boolean identical = outputs.stream().allMatch(o -> o.equals(outputs.get(0)));
    System.out.println("verdicts and evidence identical across " + jvms + " fresh JVMs: " + identical);
  }

  /** One JVM: the corpus scored once (first pass), then timed steady-state passes; verdicts as JSON lines. */
  private static void child() throws Exception {
    List<JsonNode> pairs = corpus();
    List<ScoringInput> inputs = new ArrayList<>();
    for (JsonNode p : pairs) {
      inputs.add(new ScoringInput(GoldenCase.of(p.get("id").asText(), "", p.get("expected_sql").asText()),
          Optional.of(p.get("generated_sql").asText()), "", "", ""));
    }
    try (ScorerSetup setup = ScorerSetup.open(Optional.of(DATA), 8, 42, Optional.empty())) {
      Scorer scorer = setup.scorer();
      long start = System.nanoTime();
      List<Verdict> verdicts = new ArrayList<>();
      for (ScoringInput in : inputs) {
        verdicts.add(scorer.score(in));
      }
      double first = (System.nanoTime() - start) / 1e9;
      double warm = 0;
      long n = 0;
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        while (warm < MIN_SECONDS) {
          warm += pass(pool, scorer, inputs);
          n += inputs.size();
        }
      } finally {
        pool.shutdownNow();
      }
      System.out.println(Bench.f("# first pass %.1f ms/pair (%.0f pairs/s); steady state %.2f ms/pair (%.0f pairs/s, "
          + "%d pairs, %d threads); load %s", 1000 * first / inputs.size(), inputs.size() / first, 1000 * warm / n,
          n / warm, n, THREADS, Files.readString(Path.of("/proc/loadavg")).strip()));
      for (Verdict v : verdicts) {
        Map<String, Object> line = new java.util.LinkedHashMap<>();
        line.put("verdict", v.outcome().name());
        line.put("status", v.status().name());
        line.put("score", v.score());
        line.put("summary", v.evidence().summary());
        line.put("details", v.evidence().details());
        System.out.println(JSON.writeValueAsString(line));
      }
    }
  }

  private static double pass(ExecutorService pool, Scorer scorer, List<ScoringInput> inputs) throws Exception {
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      workers.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < inputs.size(); i = next.getAndIncrement()) {
          scorer.score(inputs.get(i));
        }
      }));
    }
    for (Future<?> w : workers) {
      w.get();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static List<JsonNode> corpus() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS)) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }
}
