package dev.diaharness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.scoring.Scorer;
import dev.diaharness.scoring.ScorerSetup;
import dev.diaharness.scoring.ScoringInput;
import dev.diaharness.scoring.Verdict;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Issue 16 point 5: scoring at pulled sizes. The example's tables scaled 1×, 10× and 50× ({@link ExampleScaler}, seed
 * 42), and for each a fresh JVM ({@code -Xmx1g}) scores the hard corpus's pairs with the pipeline a run builds
 * ({@link ScorerSetup}: 8 variants, seed 42, lenient, no judge) one after the other, every pair new (its variants
 * built): the time per pair a first repeat pays. Then one more pass (variants cached). Prints per factor: rows, setup
 * (loading the tables and preparing the variants), first-pass and cached time per pair, the process's peak RSS
 * ({@code VmHWM}: the JVM heap plus DuckDB's native memory) and the peak heap, and the status counts; each pair's
 * verdict goes to {@code bench/target/scale-<factor>x.jsonl}, so that two builds' verdicts can be compared line by
 * line.
 *
 * <p>Arguments: {@code [pairs] [factors…]} (defaults: all 146 pairs; 1 10 50). A child is {@code child <data> <pairs>
 * <factor>}.
 */
public final class ScaleBench {
  private static final Path CORPUS = Path.of("src/test/resources/scoring/hard_pairs.jsonl");
  private static final Path EXAMPLE = Path.of("examples/ecommerce/data");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScaleBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("child")) {
      child(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      return;
    }
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : Integer.MAX_VALUE;
    List<Integer> factors = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      factors.add(Integer.parseInt(args[i]));
    }
    if (factors.isEmpty()) {
      factors = List.of(1, 10, 50);
    }
    System.out.println("# scoring at scale: " + Bench.machine());
    for (int factor : factors) {
      Path dir = Files.createTempDirectory("dia-scale");
      try {
        Map<String, Long> rows = ExampleScaler.scale(EXAMPLE, factor, 42, dir);
        System.out.println(Bench.f("## %d× %s (%,d rows)", factor, rows,
            rows.values().stream().mapToLong(Long::longValue).sum()));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
            "-cp", System.getProperty("java.class.path"), ScaleBench.class.getName(), "child", dir.toString(),
            String.valueOf(pairs), String.valueOf(factor))
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
          throw new IllegalStateException("child JVM for " + factor + "× failed");
        }
        System.out.print(out);
      } finally {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    }
  }

  private static void child(Path data, int limit, int factor) throws Exception {
    List<ScoringInput> inputs = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS)) {
      if (!line.isBlank() && inputs.size() < limit) {
        JsonNode p = JSON.readTree(line);
        inputs.add(new ScoringInput(GoldenCase.of(p.get("id").asText(), "", p.get("expected_sql").asText()),
            Optional.of(p.get("generated_sql").asText()), "", "", ""));
      }
    }
    long setupStart = System.nanoTime();
    try (ScorerSetup setup = ScorerSetup.open(Optional.of(data), 8, 42, Optional.empty())) {
      double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
      Scorer scorer = setup.scorer();
      List<Verdict> verdicts = new ArrayList<>();
      long start = System.nanoTime();
      for (ScoringInput in : inputs) {
        verdicts.add(scorer.score(in));
      }
      double first = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      for (ScoringInput in : inputs) {
        scorer.score(in);
      }
      double cached = (System.nanoTime() - start) / 1e9;
      Map<String, Integer> statuses = new TreeMap<>();
      verdicts.forEach(v -> statuses.merge(v.status().name(), 1, Integer::sum));
      System.out.println(Bench.f("%d pairs, one thread: setup %.2f s; first pass %.0f ms/pair; cached %.1f ms/pair;"
              + " peak RSS %s; peak heap %s; load %s", inputs.size(), setupSeconds, 1000 * first / inputs.size(),
          1000 * cached / inputs.size(), peakRss(), Bench.mb(peakHeap()),
          Files.readString(Path.of("/proc/loadavg")).strip()));
      System.out.println("statuses " + statuses);
      Path out = Path.of("bench/target/scale-" + factor + "x.jsonl");
      Files.createDirectories(out.getParent());
      List<String> lines = new ArrayList<>();
      for (Verdict v : verdicts) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("verdict", v.outcome().name());
        line.put("status", v.status().name());
        line.put("summary", v.evidence().summary());
        lines.add(JSON.writeValueAsString(line));
      }
      Files.write(out, lines);
    }
  }

  /** The most resident memory the process had ({@code VmHWM}): the heap and DuckDB's native allocations. */
  private static String peakRss() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        long kb = Long.parseLong(line.replaceAll("\\D", ""));
        return Bench.f("%.0f MB", kb / 1024.0);
      }
    }
    return "?";
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }
}
