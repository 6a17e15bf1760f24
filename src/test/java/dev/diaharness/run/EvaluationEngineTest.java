package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.agent.Agent;
import dev.diaharness.agent.AgentAccessDeniedException;
import dev.diaharness.agent.Answer;
import dev.diaharness.agent.SqlSource;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.scoring.Evidence;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Scorer;
import dev.diaharness.scoring.Status;
import dev.diaharness.scoring.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationEngineTest {
  @TempDir Path temp;

  /** Answers "SELECT <n>" where n is the question's number; odd questions wrong. Records concurrency. */
  static final class ScriptedAgent implements Agent {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    final Set<String> forbidden = ConcurrentHashMap.newKeySet();
    /** the first asks wait (bounded) until this many are in flight together: concurrency shown, not timed */
    volatile CountDownLatch together = new CountDownLatch(0);

    @Override
    public Answer ask(String question) {
      asked.computeIfAbsent(question, q -> new AtomicInteger()).incrementAndGet();
      if (forbidden.contains(question)) {
        throw new AgentAccessDeniedException("agent not authorized", List.of("grant access"), Optional.empty());
      }
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        together.countDown();
        together.await(30, TimeUnit.SECONDS);
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.decrementAndGet();
      }
      int n = Integer.parseInt(question.replaceAll("\\D", ""));
      String sql = n % 2 == 0 ? "SELECT " + n : "SELECT -1";
      return new Answer("ok", "", Optional.of(sql), SqlSource.ANSWER, List.of(Duration.ofMillis(5)), List.of(),
          List.of(), Optional.empty());
    }
  }

  static final Scorer EQUALITY = in -> in.generatedSql().filter(in.goldenCase().expectedSql()::equals).isPresent()
      ? Verdict.of(Outcome.PASS, Status.EXACT, CategoryScores.FULL, Evidence.of("same"))
      : Verdict.of(Outcome.FAIL, Status.EXEC_MISMATCH, CategoryScores.ZERO, Evidence.of("differs"));

  static List<GoldenCase> cases(String prefix, int count) {
    List<GoldenCase> cases = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      cases.add(GoldenCase.of(prefix + i, "question " + i, "SELECT " + i));
    }
    return cases;
  }

  private EvaluationResult evaluate(Agent agent, RunDirectory run, RunOptions options,
      Map<ItemKey, ItemResult> done, List<EvaluationSpec> specs) throws Exception {
    return evaluate(agent, EQUALITY, run, options, done, specs);
  }

  private static EvaluationResult evaluate(Agent agent, Scorer scorer, RunDirectory run, RunOptions options,
      Map<ItemKey, ItemResult> done, List<EvaluationSpec> specs) throws Exception {
    try (JournalWriter journal = new JournalWriter(run)) {
      var engine = new EvaluationEngine(agent, scorer, new TrafficControl(Optional.empty(), 100, Ticker.SYSTEM),
          options, journal, RunListener.NONE, Clock.systemUTC());
      return engine.run(1, specs, done);
    }
  }

  @Test
  void trainAndTestRunTogetherEachBoundedByMaxWorkersAndEveryKeyIsJournaledOnce() throws Exception {
    ScriptedAgent agent = new ScriptedAgent();
    agent.together = new CountDownLatch(5); // more than one split's 4 workers at once
    RunDirectory run = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    var options = new RunOptions(3, 4, Optional.empty(), Duration.ofSeconds(30), false);
    var specs = List.of(new EvaluationSpec(1, Split.TRAIN, cases("tr", 10), ""),
        new EvaluationSpec(1, Split.TEST, cases("te", 6), ""));

    EvaluationResult result = evaluate(agent, run, options, Map.of(), specs);

    assertThat(agent.maxInFlight.get()).as("two splits × 4 workers").isLessThanOrEqualTo(8).isGreaterThan(4);
    SplitMetrics train = result.train();
    assertThat(train.items()).isEqualTo(30);
    assertThat(train.accuracy()).isEqualTo(0.5);
    assertThat(train.estimates().byRepeat().values()).containsExactly(0.5, 0.5, 0.5);
    assertThat(train.estimates().passAtK()).containsEntry(3, 0.5);
    assertThat(result.test().orElseThrow().items()).isEqualTo(18);
    List<ItemResult> rows = JournalReader.readAll(run.journal());
    assertThat(rows).hasSize(48);
    Set<ItemKey> keys = new HashSet<>();
    rows.forEach(r -> assertThat(keys.add(r.key())).as("unique %s", r.key()).isTrue());
    assertThat(JournalReader.readAll(run.evalFile(1, Split.TEST))).hasSize(18)
        .allMatch(r -> r.key().split() == Split.TEST);
  }

  @Test
  void resumeAsksOnlyTheMissingKeysAndCountsTheJournaledOnes() throws Exception {
    RunDirectory run = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    var options = new RunOptions(2, 3, Optional.empty(), Duration.ofSeconds(30), false);
    var spec = List.of(new EvaluationSpec(1, Split.TRAIN, cases("q", 4), ""));
    evaluate(new ScriptedAgent(), run, options, Map.of(), spec);
    Map<ItemKey, ItemResult> journaled = JournalReader.latestByKey(run.journal());
    journaled.remove(new ItemKey(1, Split.TRAIN, "q2", 2));

    ScriptedAgent second = new ScriptedAgent();
    EvaluationResult resumed = evaluate(second, run, options, journaled, spec);

    assertThat(second.asked).containsOnlyKeys("question 2");
    assertThat(second.asked.get("question 2").get()).isEqualTo(1);
    assertThat(resumed.train().items()).isEqualTo(8);
    assertThat(JournalReader.latestByKey(run.journal())).hasSize(8);
  }

  @Test
  void accessDeniedStopsTheRunAndKeepsFinishedRows() throws Exception {
    ScriptedAgent agent = new ScriptedAgent();
    agent.forbidden.add("question 0");
    RunDirectory run = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    var options = new RunOptions(5, 1, Optional.empty(), Duration.ofSeconds(30), false);
    var spec = List.of(new EvaluationSpec(1, Split.TRAIN, cases("q", 20), ""));

    assertThatThrownBy(() -> evaluate(agent, run, options, Map.of(), spec))
        .isInstanceOf(AgentAccessDeniedException.class);

    int asked = agent.asked.values().stream().mapToInt(AtomicInteger::get).sum();
    assertThat(asked).as("pending items were cancelled, not asked").isLessThan(100);
    assertThat(JournalReader.readAll(run.journal())).hasSizeLessThan(100)
        .noneMatch(r -> r.key().questionId().equals("q0"));
  }

  @Test
  void halfWrittenLastLineIsIgnored() throws Exception {
    RunDirectory run = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    evaluate(new ScriptedAgent(), run, new RunOptions(1, 2, Optional.empty(), Duration.ofSeconds(30), false),
        Map.of(), List.of(new EvaluationSpec(1, Split.TRAIN, cases("q", 3), "")));
    java.nio.file.Files.writeString(run.journal(), "{\"version\":1,\"iteration\":1,\"spl",
        java.nio.file.StandardOpenOption.APPEND);
    assertThat(JournalReader.readAll(run.journal())).hasSize(3);
  }

  @Test
  void aModelRejectingItsKeyStopsTheRunWithTheInputErrorInsteadOfFailingEveryItem() throws Exception {
    RunDirectory run = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    AtomicInteger scored = new AtomicInteger();
    Scorer rejected = in -> {
      scored.incrementAndGet();
      throw new dev.diaharness.core.InputException("OPENAI_API_KEY was rejected by http://127.0.0.1:1/v1");
    };
    assertThatThrownBy(() -> evaluate(new ScriptedAgent(), rejected, run,
        new RunOptions(3, 1, Optional.empty(), Duration.ofSeconds(30), false), Map.of(),
        List.of(new EvaluationSpec(1, Split.TRAIN, cases("q", 30), ""))))
        .isInstanceOf(dev.diaharness.core.InputException.class).hasMessageContaining("OPENAI_API_KEY");
    assertThat(scored.get()).as("pending items were cancelled").isLessThan(90);
    assertThat(JournalReader.readAll(run.journal())).isEmpty();
  }

  @Test
  void aServiceRejectingTheConfigurationStopsTheRunInsteadOfFailingEveryItem() throws Exception {
    RunDirectory run = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    AtomicInteger asked = new AtomicInteger();
    Agent wrongEngine = question -> {
      asked.incrementAndGet();
      throw new dev.diaharness.core.InputException("engine projects/p/locations/global/engines/nope not found");
    };
    assertThatThrownBy(() -> evaluate(wrongEngine, run,
        new RunOptions(3, 2, Optional.empty(), Duration.ofSeconds(30), false), Map.of(),
        List.of(new EvaluationSpec(1, Split.TRAIN, cases("q", 30), ""))))
        .isInstanceOf(dev.diaharness.core.InputException.class).hasMessageContaining("engines/nope");
    assertThat(asked.get()).as("pending items were cancelled").isLessThan(90);
    assertThat(JournalReader.readAll(run.journal())).isEmpty();
  }

  @Test
  void retryErrorsAsksAgainOnlyTheErrorRowsAndTheRetryReplacesThem() throws Exception {
    RunDirectory run = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    var spec = List.of(new EvaluationSpec(1, Split.TRAIN, cases("q", 4), ""));
    Agent brokenOnQuestion2 = question -> question.equals("question 2")
        ? Answer.failed(new dev.diaharness.agent.AgentError(dev.diaharness.agent.AgentError.Kind.TIMEOUT, "slow"),
            List.of())
        : new ScriptedAgent().ask(question);
    evaluate(brokenOnQuestion2, run, new RunOptions(1, 2, Optional.empty(), Duration.ofSeconds(30), false),
        Map.of(), spec);
    Map<ItemKey, ItemResult> first = JournalReader.latestByKey(run.journal());
    assertThat(first.get(new ItemKey(1, Split.TRAIN, "q2", 1)).isError()).isTrue();

    ScriptedAgent healthy = new ScriptedAgent();
    EvaluationResult retried = evaluate(healthy, run,
        new RunOptions(1, 2, Optional.empty(), Duration.ofSeconds(30), true), first, spec);

    assertThat(healthy.asked).containsOnlyKeys("question 2");
    assertThat(JournalReader.latestByKey(run.journal()).get(new ItemKey(1, Split.TRAIN, "q2", 1)).passed()).isTrue();
    assertThat(retried.train().passed()).isEqualTo(2);
    assertThat(retried.train().outcomes().errorCounts()).isEmpty();
  }
}
