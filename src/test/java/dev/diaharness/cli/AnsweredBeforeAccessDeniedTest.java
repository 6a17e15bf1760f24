package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.agent.Agent;
import dev.diaharness.agent.AgentAccessDeniedException;
import dev.diaharness.agent.Answer;
import dev.diaharness.agent.gemini.GeminiAgent;
import dev.diaharness.agent.gemini.GeminiHttp;
import dev.diaharness.agent.gemini.GeminiSettings;
import dev.diaharness.agent.gemini.RetryListener;
import dev.diaharness.agent.gemini.SqlFollowup;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.dataset.GoldenSetLoader;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.FaultPlan.Kind;
import dev.diaharness.emulator.LatencyPlan;
import dev.diaharness.run.EvaluationEngine;
import dev.diaharness.run.EvaluationSpec;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.JournalReader;
import dev.diaharness.run.JournalWriter;
import dev.diaharness.run.RunDirectory;
import dev.diaharness.run.RunListener;
import dev.diaharness.run.RunOptions;
import dev.diaharness.run.Split;
import dev.diaharness.run.Ticker;
import dev.diaharness.run.TrafficControl;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 403 from the emulator while conversations that already have their answer wait for scoring: the run stops, but
 * every answered conversation is still scored and journaled first, so a resume does not ask it again.
 */
class AnsweredBeforeAccessDeniedTest {
  static final int WORKERS = 3;

  @TempDir Path temp;

  /** The real agent over the emulator, noting each question whose conversation ended with an answer. */
  static final class Observed implements Agent {
    final Agent agent;
    final Set<String> answered = ConcurrentHashMap.newKeySet();
    final CountDownLatch denied = new CountDownLatch(1);

    Observed(Agent agent) {
      this.agent = agent;
    }

    @Override
    public Answer ask(String question) {
      return ask(question, 0);
    }

    @Override
    public Answer ask(String question, int repeat) {
      try {
        Answer answer = agent.ask(question, repeat);
        if (answer.error().isEmpty()) {
          answered.add(question);
        }
        return answer;
      } catch (AgentAccessDeniedException e) {
        denied.countDown();
        throw e;
      }
    }
  }

  @Test
  void answeredConversationsQueuedForScoringAreJournaledBeforeTheRunStops() throws Exception {
    List<GoldenCase> train = GoldenSetLoader.load(Path.of(EvaluateCommandTest.TRAIN)).cases();
    RunDirectory run = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    // seeded: faults follow (question, repeat, turn), so the same early question is denied every run
    FaultPlan forbidden = FaultPlan.none().withRate(Kind.FORBIDDEN, 0.2);
    try (LocalEmulator emulator = LocalEmulator.start(forbidden, LatencyPlan.parse("latency", "10:5"), 27);
        JournalWriter journal = new JournalWriter(run)) {
      TrafficControl traffic = new TrafficControl(Optional.empty(), 2 * WORKERS, Ticker.SYSTEM);
      GeminiSettings settings = GeminiSettings.fromEnvironment(emulator.env());
      Observed agent = new Observed(new GeminiAgent(
          new GeminiHttp(settings, RetryListener.NONE, Clock.systemUTC(), traffic), SqlFollowup.ALWAYS));
      // scoring holds every answer until the 403 has come: the answered conversations are queued at the stop
      AtomicInteger scoredAfterTheStop = new AtomicInteger();
      Scorer heldUntilDenied = in -> {
        try {
          assertThat(agent.denied.await(60, TimeUnit.SECONDS)).as("a 403 came").isTrue();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        scoredAfterTheStop.incrementAndGet();
        return Verdict.of(Outcome.FAIL, Status.EXEC_MISMATCH, CategoryScores.ZERO, Evidence.of("held"));
      };
      EvaluationEngine engine = new EvaluationEngine(agent, heldUntilDenied, traffic,
          new RunOptions(1, WORKERS, Optional.empty(), Duration.ofSeconds(60), false), journal, RunListener.NONE,
          Clock.systemUTC());

      assertThatThrownBy(() -> engine.run(1, List.of(new EvaluationSpec(1, Split.TRAIN, train, "")), Map.of()))
          .isInstanceOf(AgentAccessDeniedException.class);

      List<ItemResult> rows = JournalReader.readAll(run.journal());
      assertThat(scoredAfterTheStop.get()).as("answers were waiting for scoring at the stop").isPositive();
      assertThat(rows.stream().map(r -> r.question().text()).collect(Collectors.toSet()))
          .as("every answered conversation has its row").isEqualTo(agent.answered)
          .hasSize(scoredAfterTheStop.get());
      assertThat(JournalReader.readAll(run.evalFile(1, Split.TRAIN))).hasSameSizeAs(rows);
    }
  }
}
