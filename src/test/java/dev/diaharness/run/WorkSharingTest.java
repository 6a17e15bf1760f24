package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.agent.Agent;
import dev.diaharness.agent.Answer;
import dev.diaharness.agent.SqlSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A split with nothing left to start lends its workers to the other; {@code --no-share-workers} keeps the seed's shape. */
class WorkSharingTest {
  @TempDir Path temp;

  /** Records the most conversations of each split in flight at once. */
  static final class SplitCounting implements Agent {
    final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> max = new ConcurrentHashMap<>();
    /** the first test asks wait (bounded) until this many are in flight together: shown, not timed */
    final CountDownLatch testTogether;

    SplitCounting(int testTogether) {
      this.testTogether = new CountDownLatch(testTogether);
    }

    @Override
    public Answer ask(String question) {
      String split = question.startsWith("train") ? "train" : "test";
      int now = inFlight.computeIfAbsent(split, s -> new AtomicInteger()).incrementAndGet();
      max.computeIfAbsent(split, s -> new AtomicInteger()).accumulateAndGet(now, Math::max);
      try {
        if (split.equals("test")) {
          testTogether.countDown();
          testTogether.await(30, TimeUnit.SECONDS);
        }
        Thread.sleep(15);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.get(split).decrementAndGet();
      }
      return new Answer("ok", "", Optional.of("SELECT 1"), SqlSource.ANSWER, List.of(Duration.ofMillis(15)),
          List.of(), List.of(), Optional.empty());
    }

    int max(String split) {
      return max.getOrDefault(split, new AtomicInteger()).get();
    }
  }

  /** @param testTogether the test split's first asks wait until that many are in flight at once (0: none wait) */
  private SplitCounting evaluate(boolean share, int testTogether) throws Exception {
    List<dev.diaharness.dataset.GoldenCase> train = EvaluationEngineTest.cases("tr", 3).stream()
        .map(c -> dev.diaharness.dataset.GoldenCase.of(c.id(), "train " + c.question(), c.expectedSql())).toList();
    List<dev.diaharness.dataset.GoldenCase> test = EvaluationEngineTest.cases("te", 60).stream()
        .map(c -> dev.diaharness.dataset.GoldenCase.of(c.id(), "test " + c.question(), c.expectedSql())).toList();
    SplitCounting agent = new SplitCounting(testTogether);
    RunDirectory run = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 2, 3, 4, share ? 5 : 6));
    try (JournalWriter journal = new JournalWriter(run)) {
      EvaluationResult result = new EvaluationEngine(agent, EvaluationEngineTest.EQUALITY,
          new TrafficControl(Optional.empty(), 6, Ticker.SYSTEM),
          new RunOptions(1, 3, Optional.empty(), Duration.ofSeconds(30), false).withShareWorkers(share), journal,
          RunListener.NONE, Clock.systemUTC())
          .run(1, List.of(new EvaluationSpec(1, Split.TRAIN, train, ""), new EvaluationSpec(1, Split.TEST, test, "")),
              Map.of());
      assertThat(result.train().items()).isEqualTo(3);
      assertThat(result.test().orElseThrow().items()).as("metrics stay per split").isEqualTo(60);
    }
    assertThat(JournalReader.readAll(run.evalFile(1, Split.TEST))).hasSize(60);
    return agent;
  }

  @Test
  void aSplitWithNothingLeftLendsItsWorkersSoTheOtherUsesUpToTwiceItsShare() throws Exception {
    SplitCounting agent = evaluate(true, 4); // only reachable with train's idle places
    assertThat(agent.max("test")).as("3 of its own + train's 3 idle ones").isGreaterThan(3).isLessThanOrEqualTo(6);
    assertThat(agent.max("train")).isLessThanOrEqualTo(3);
  }

  @Test
  void noShareWorkersKeepsEachSplitToItsOwnShare() throws Exception {
    SplitCounting agent = evaluate(false, 0);
    assertThat(agent.max("test")).isLessThanOrEqualTo(3);
    assertThat(agent.max("train")).isLessThanOrEqualTo(3);
  }

  @ParameterizedTest
  @CsvSource({"true, 4", "false, 2"})
  void placesAreGuaranteedPerSplitAndLentOnlyWhenTheLenderHasNothingPending(boolean lend, int testPlaces)
      throws Exception {
    WorkerSlots slots = new WorkerSlots(List.of(Split.TRAIN, Split.TEST), 2, lend);
    assertThat(slots.acquire(List.of(Split.TRAIN, Split.TEST))).isEqualTo(Split.TRAIN);
    assertThat(slots.acquire(List.of(Split.TRAIN, Split.TEST))).as("least busy first: both start together")
        .isEqualTo(Split.TEST);
    slots.acquire(List.of(Split.TRAIN, Split.TEST));
    slots.acquire(List.of(Split.TRAIN, Split.TEST));
    assertThat(slots.busy(Split.TRAIN)).isEqualTo(2);
    assertThat(slots.busy(Split.TEST)).isEqualTo(2);
    slots.release(Split.TRAIN);
    slots.release(Split.TRAIN); // train is done: nothing pending
    for (int i = 2; i < testPlaces; i++) {
      assertThat(slots.acquire(List.of(Split.TEST))).isEqualTo(Split.TEST);
    }
    assertThat(slots.busy(Split.TEST)).isEqualTo(testPlaces);
  }
}
