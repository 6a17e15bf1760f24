package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.agent.Agent;
import dev.diaharness.agent.AgentAccessDeniedException;
import dev.diaharness.agent.Answer;
import dev.diaharness.agent.SqlSource;
import dev.diaharness.scoring.Scorer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
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

/**
 * When an evaluation returns — here stopped by a 403 while other conversations are still talking — none of its
 * threads still runs: the conversations it cancelled have ended (and the one answered regardless is journaled),
 * and its conversation and scoring threads are gone.
 */
class EngineThreadsEndTest {
  @TempDir Path temp;

  /**
   * Question 0 is denied once the others are under way; the others answer after their thread was interrupted,
   * like an HTTP reply that was already on its way (they finish their 100 ms whatever happens).
   */
  static final class SlowToStop implements Agent {
    final AtomicInteger talking = new AtomicInteger();
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    final Set<String> answered = ConcurrentHashMap.newKeySet();
    final CountDownLatch othersStarted;

    SlowToStop(int others) {
      othersStarted = new CountDownLatch(others);
    }

    @Override
    public Answer ask(String question) {
      threads.add(Thread.currentThread());
      if (question.equals("question 0")) {
        awaitUninterruptibly(othersStarted);
        throw new AgentAccessDeniedException("agent not authorized", List.of("grant access"), Optional.empty());
      }
      talking.incrementAndGet();
      try {
        othersStarted.countDown();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        boolean interrupted = false;
        while (System.nanoTime() < end) {
          try {
            Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        answered.add(question);
        return new Answer("ok", "", Optional.of("SELECT 1"), SqlSource.ANSWER, List.of(Duration.ofMillis(100)),
            List.of(), List.of(), Optional.empty());
      } finally {
        talking.decrementAndGet();
      }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
      try {
        assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void aStoppedEvaluationReturnsOnlyOnceItsConversationsAndThreadsHaveEnded() throws Exception {
    int workers = 4;
    SlowToStop agent = new SlowToStop(workers - 1);
    Set<Thread> scoringThreads = ConcurrentHashMap.newKeySet();
    Scorer scorer = in -> {
      scoringThreads.add(Thread.currentThread());
      return EvaluationEngineTest.EQUALITY.score(in);
    };
    RunDirectory run = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    var options = new RunOptions(1, workers, Optional.empty(), Duration.ofSeconds(30), false);
    var spec = List.of(new EvaluationSpec(1, Split.TRAIN, EvaluationEngineTest.cases("q", 20), ""));

    try (JournalWriter journal = new JournalWriter(run)) {
      var engine = new EvaluationEngine(agent, scorer, new TrafficControl(Optional.empty(), 100, Ticker.SYSTEM),
          options, journal, RunListener.NONE, Clock.systemUTC());
      assertThatThrownBy(() -> engine.run(1, spec, Map.of())).isInstanceOf(AgentAccessDeniedException.class);
      assertThat(agent.talking.get()).as("no conversation is still talking when the run has returned").isZero();
    }

    assertThat(agent.answered).as("the three conversations under way at the stop").hasSize(workers - 1);
    assertThat(JournalReader.readAll(run.journal())).as("answered regardless: scored and journaled")
        .extracting(r -> r.question().text()).containsExactlyInAnyOrderElementsOf(agent.answered);
    assertThat(scoringThreads).isNotEmpty();
    // a pool's thread is counted out as it leaves its last task; it is gone a moment later
    awaitEnded(agent.threads);
    awaitEnded(scoringThreads);
  }

  /** Waits (bounded, on the condition) until none of the threads is alive. */
  static void awaitEnded(Set<Thread> threads) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (threads.stream().anyMatch(Thread::isAlive)) {
      assertThat(System.nanoTime()).as("threads still alive: %s", threads.stream().filter(Thread::isAlive)
          .map(Thread::getName).toList()).isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
