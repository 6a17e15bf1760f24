package dev.diaharness.bench;

import dev.diaharness.agent.Agent;
import dev.diaharness.agent.Answer;
import dev.diaharness.agent.CallGate;
import dev.diaharness.agent.SqlSource;
import dev.diaharness.agent.gemini.GeminiAgent;
import dev.diaharness.agent.gemini.GeminiHttp;
import dev.diaharness.agent.gemini.GeminiSettings;
import dev.diaharness.agent.gemini.RetryListener;
import dev.diaharness.agent.gemini.SqlFollowup;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.emulator.EmbeddedEmulator;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.LatencyPlan;
import dev.diaharness.emulator.brain.Brain;
import dev.diaharness.emulator.brain.BrainAnswer;
import dev.diaharness.run.RunDirectory;
import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.scoring.Evidence;
import dev.diaharness.scoring.NoSqlStage;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Scorer;
import dev.diaharness.scoring.ScoringPipeline;
import dev.diaharness.scoring.Status;
import dev.diaharness.scoring.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the benchmarks share: the emulator with a cheap brain, the real REST client wired to it the way
 * {@code evaluate --embedded} wires it (loopback HTTP through {@link GeminiHttp}), generated questions, scratch run
 * folders and heap readings. Not thread-safe where it says so; the agents it builds are.
 */
final class Bench {
  private Bench() {}

  /** A config without local data: the emulator then runs no SQL, so the brain is the whole cost of an answer. */
  static AgentConfig config() {
    return new AgentConfig("bench", "Bench Agent", "benchmark agent", "", "", "", "", List.of(), "", List.of(),
        List.of(), "bench-project", "bench_dataset", Optional.empty());
  }

  /**
   * A brain that writes one short query per question without looking at any data: answer quality does not matter
   * to these benchmarks, only the traffic does.
   */
  static final class EchoBrain implements Brain {
    @Override
    public BrainAnswer answer(AgentConfig config, String question, int repeat) {
      int n = Math.floorMod(question.hashCode(), 1000);
      return BrainAnswer.withSql("SELECT COUNT(*) AS orders FROM orders WHERE customer_id = " + n,
          "The question asks for a count of orders, so I count the rows of orders for that customer.");
    }
  }

  /** Starts the embedded emulator (free loopback port) with the echo brain and the given latency and faults. */
  static EmbeddedEmulator emulator(LatencyPlan latency, FaultPlan faults) {
    return emulator(latency, faults, Optional.empty());
  }

  /** As above, with a conversation-request quota (429 without Retry-After above it), as {@code --quota-rps}. */
  static EmbeddedEmulator emulator(LatencyPlan latency, FaultPlan faults, Optional<Double> quotaRps) {
    return EmbeddedEmulator.start(config(),
        b -> b.brain(new EchoBrain()).latency(latency).faults(faults).quota(quotaRps));
  }

  /**
   * The real Gemini agent over loopback HTTP to {@code emulator}, every HTTP attempt through {@code gate}: the same
   * path as {@code AgentConnection.embedded(...).agent(followup)} in the CLI.
   */
  static Agent httpAgent(EmbeddedEmulator emulator, CallGate gate) {
    Map<String, String> vars = Map.of(
        "GOOGLE_CLOUD_PROJECT", emulator.projectId(),
        "DIA_LOCATION", emulator.location(),
        "DIA_ENGINE_ID", emulator.engineId(),
        "DIA_ENDPOINT", emulator.baseUrl());
    GeminiSettings settings = GeminiSettings.fromEnvironment(vars).withAgentId(emulator.agentId());
    return new GeminiAgent(new GeminiHttp(settings, RetryListener.NONE, Clock.systemUTC(), gate),
        SqlFollowup.ALWAYS);
  }

  /** An agent that answers at once in-process, with the shape of a three-call conversation (no HTTP at all). */
  static Agent inProcessAgent() {
    List<Duration> calls = List.of(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    return question -> new Answer("Here is the SQL I ran.", "I count the orders.",
        Optional.of("SELECT COUNT(*) FROM orders WHERE customer_id = " + Math.floorMod(question.hashCode(), 1000)),
        SqlSource.FOLLOW_UP, calls, List.of("t1", "t2"), List.of(), Optional.empty());
  }

  /** A cheap real scorer: the staged pipeline with the no-SQL stage only (scoring cost is measured apart). */
  static Scorer cliScorer() {
    return new ScoringPipeline(List.of(new NoSqlStage()));
  }

  /** Scoring off: one constant verdict, no work at all. */
  static Scorer noScorer() {
    Verdict fixed = Verdict.of(Outcome.UNDECIDED, Status.UNSUPPORTED, CategoryScores.ZERO,
        Evidence.of("scoring off (benchmark)"));
    return input -> fixed;
  }

  /** {@code n} distinct questions with ids {@code prefix-0001…}. */
  static List<GoldenCase> questions(String prefix, int n) {
    List<GoldenCase> cases = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      String id = String.format(Locale.ROOT, "%s-%04d", prefix, i);
      cases.add(GoldenCase.of(id, "How many orders did customer " + i + " place (" + prefix + ")?",
          "SELECT COUNT(*) FROM orders WHERE customer_id = " + i));
    }
    return cases;
  }

  /** A new run folder under a fresh scratch directory (delete it with {@link #deleteTree}). */
  static RunDirectory scratchRun() {
    try {
      Path dir = Files.createTempDirectory("dia-bench-");
      return RunDirectory.create(dir, LocalDateTime.now());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Used heap in bytes after asking for full collections until the reading settles. */
  static long usedHeapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    long used = 0;
    for (int i = 0; i < 5; i++) {
      System.gc();
      sleepMillis(100);
      used = memory.getHeapMemoryUsage().getUsed();
      if (Math.abs(previous - used) < 256 * 1024) {
        break;
      }
      previous = used;
    }
    return used;
  }

  static void sleepMillis(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /** One machine line for the README: cores, JVM, max heap, load average. */
  static String machine() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return f("cores=%d java=%s (%s) maxHeap=%s load1=%.2f", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), System.getProperty("java.vm.name"), mb(Runtime.getRuntime().maxMemory()),
        os.getSystemLoadAverage());
  }
}
