package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.agent.Agent;
import dev.diaharness.agent.AgentError;
import dev.diaharness.agent.Answer;
import dev.diaharness.core.Backoff;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The item timeout bounds one conversation, not the item's time in the queue: a regression of the defect where 57
 * of 100 throttled items ended as "no answer within the item timeout" because the clock started at submission.
 */
class ConversationTimeoutTest {
  @TempDir Path temp;

  private List<ItemResult> evaluate(Agent agent, RunOptions options, int questions) throws Exception {
    RunDirectory run = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    try (JournalWriter journal = new JournalWriter(run)) {
      new EvaluationEngine(agent, EvaluationEngineTest.EQUALITY, new TrafficControl(Optional.empty(), 2, Ticker.SYSTEM),
          options, journal, RunListener.NONE, Clock.systemUTC())
          .run(1, List.of(new EvaluationSpec(1, Split.TRAIN, EvaluationEngineTest.cases("q", questions), "")),
              Map.of());
    }
    return JournalReader.readAll(run.journal());
  }

  private static Answer right(String question) {
    int n = Integer.parseInt(question.replaceAll("\\D", ""));
    return new Answer("ok", "", Optional.of("SELECT " + n), dev.diaharness.agent.SqlSource.ANSWER,
        List.of(Duration.ofMillis(1)), List.of(), List.of(), Optional.empty());
  }

  @Test
  void itemsThatWaitInTheQueueLongerThanTheTimeoutButConverseQuicklyDoNotTimeOut() throws Exception {
    Agent quick = question -> {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return right(question);
    };
    // one worker, 25 items of 100 ms: the last one waits about 2.4 s for its turn, the timeout is 1 s
    List<ItemResult> rows = evaluate(quick, new RunOptions(1, 1, Optional.empty(), Duration.ofSeconds(1), false), 25);

    assertThat(rows).hasSize(25).allSatisfy(r -> assertThat(r.passed()).as("%s: %s", r.key(), r.error()).isTrue());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aConversationThatReallyHangsTimesOutFreesItsWorkerAtOnceAndItsLateReplyIsDropped() throws Exception {
    CountDownLatch othersAnswered = new CountDownLatch(4);
    Set<String> asked = ConcurrentHashMap.newKeySet();
    Agent hangsOnQuestion0 = question -> {
      asked.add(question);
      if (question.equals("question 0")) {
        // deaf to interrupts, as a stuck socket can be: only the other items' answers release it
        boolean released = false;
        while (!released) {
          try {
            released = othersAnswered.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException ignored) {
            // keeps hanging
          }
        }
        return right(question); // the right answer, but far too late
      }
      othersAnswered.countDown();
      return right(question);
    };
    // one worker: the other four items can only be asked if the hung conversation gave its worker back
    List<ItemResult> rows = evaluate(hangsOnQuestion0,
        new RunOptions(1, 1, Optional.empty(), Duration.ofMillis(300), false), 5);

    assertThat(asked).hasSize(5);
    ItemResult hung = rows.stream().filter(r -> r.key().questionId().equals("q0")).findFirst().orElseThrow();
    assertThat(hung.isError()).isTrue();
    assertThat(hung.error().map(RowError::kind)).hasValue(ErrorKind.TIMEOUT);
    assertThat(rows).hasSize(5).filteredOn(r -> !r.key().questionId().equals("q0")).allMatch(ItemResult::passed);
  }

  @Test
  void aStreamCutMidAnswerStartsTheConversationAgainAndGetsTheFaultFreeVerdict() throws Exception {
    Map<String, Integer> attempts = new ConcurrentHashMap<>();
    Agent cutOnFirstAttempt = question -> attempts.merge(question, 1, Integer::sum) == 1
        ? Answer.failed(new AgentError(AgentError.Kind.TRUNCATED, "the stream ended in the middle"), List.of())
        : right(question);
    RunOptions options = new RunOptions(1, 3, Optional.empty(), Duration.ofSeconds(30), false)
        .withBackoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)));

    List<ItemResult> rows = evaluate(cutOnFirstAttempt, options, 10);

    assertThat(rows).hasSize(10).allMatch(ItemResult::passed);
    assertThat(attempts.values()).containsOnly(2);
  }

  @Test
  void withNoRetriesLeftAStreamCutIsAnErrorRowOfItsKind() throws Exception {
    Agent alwaysCut = question ->
        Answer.failed(new AgentError(AgentError.Kind.TRUNCATED, "the stream ended in the middle"), List.of());
    List<ItemResult> rows = evaluate(alwaysCut, new RunOptions(1, 3, Optional.empty(), Duration.ofSeconds(30), false)
        .withMaxRetries(2).withBackoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(5))), 4);

    assertThat(rows).hasSize(4).allSatisfy(r -> assertThat(r.error().map(RowError::kind)).hasValue(ErrorKind.TRUNCATED));
  }

  @Test
  void anAgentAnswerThatIsNotTransientIsNeverAskedAgain() throws Exception {
    Map<String, Integer> attempts = new ConcurrentHashMap<>();
    Agent failed = question -> {
      attempts.merge(question, 1, Integer::sum);
      return Answer.failed(new AgentError(AgentError.Kind.FAILED, "the agent's answer FAILED"), List.of());
    };
    List<ItemResult> rows = evaluate(failed, new RunOptions(1, 3, Optional.empty(), Duration.ofSeconds(30), false), 4);

    assertThat(rows).hasSize(4).allSatisfy(r -> assertThat(r.error().map(RowError::kind)).hasValue(ErrorKind.FAILED));
    assertThat(attempts.values()).containsOnly(1);
  }
}
