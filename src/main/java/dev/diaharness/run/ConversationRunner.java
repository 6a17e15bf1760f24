package dev.diaharness.run;

import dev.diaharness.agent.Agent;
import dev.diaharness.agent.AgentAccessDeniedException;
import dev.diaharness.agent.AgentError;
import dev.diaharness.agent.Answer;
import dev.diaharness.core.Backoff;
import dev.diaharness.core.InputException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs agent conversations under a run's {@link TrafficControl}, for the evaluation engine and for candidate
 * screening alike. One conversation at a time per question: it waits for the adaptive limit, then talks; a stream
 * cut or a reset starts it again in a new session after a back-off, within the item's retry budget
 * ({@code --max-retries}, shared with the request retries the adapter makes on 429 and 5xx). The item timeout bounds
 * one conversation's own time, from its first request to its last byte: waiting for a place, the rate limiter, a
 * Retry-After or a back-off never counts. A conversation that passes it ends at once as a TIMEOUT error: its place
 * is freed, its thread interrupted, and a reply arriving later is dropped. Cancelling a conversation (a run that
 * stops) interrupts it; it then ends as cancelled, unless the agent's answer came all the same: an answered
 * conversation always reaches the caller, to be scored and journaled. Thread-safe; close it to stop its threads and
 * wait for them to end.
 */
public final class ConversationRunner implements AutoCloseable {
  private final Agent agent;
  private final TrafficControl traffic;
  private final Duration itemTimeout;
  private final int maxRetries;
  private final Backoff backoff;
  private final Ticker ticker;
  private final ExecutorService threads;
  private final ScheduledExecutorService watchdog;

  /** The outcome of one item's conversation: the answer, the conversation's own time, and how often it restarted. */
  public record Conversed(Answer answer, Duration elapsed, int restarts) {}

  public ConversationRunner(Agent agent, TrafficControl traffic, Duration itemTimeout, int maxRetries,
      Backoff backoff, Ticker ticker) {
    if (itemTimeout.isNegative() || itemTimeout.isZero()) {
      throw new IllegalArgumentException("--item-timeout must be positive, got " + itemTimeout);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("--max-retries must be >= 0, got " + maxRetries);
    }
    this.agent = agent;
    this.traffic = traffic;
    this.itemTimeout = itemTimeout;
    this.maxRetries = maxRetries;
    this.backoff = backoff;
    this.ticker = ticker;
    AtomicInteger n = new AtomicInteger();
    // unbounded on purpose: the places are bounded by the scheduler and the adaptive limit; a thread stuck in a
    // conversation that timed out must not take a place from the next one
    this.threads = Executors.newCachedThreadPool(r -> daemon(r, "conversation-" + n.incrementAndGet()));
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "item-timeout"));
    timer.setRemoveOnCancelPolicy(true); // a finished conversation's watch must not linger until its deadline
    this.watchdog = timer;
  }

  /**
   * Starts one item's conversation on its own thread.
   *
   * @return completes with the outcome; exceptionally with {@link AgentAccessDeniedException} or
   *     {@link InputException} when the run must stop
   */
  public CompletableFuture<Conversed> start(String question) {
    return start(question, 0);
  }

  /**
   * As {@link #start(String)}, as repeat {@code repeat} (1-based) of an evaluation, which the agent may use to draw
   * deterministically ({@link Agent#ask(String, int)}); 0 = no repeat.
   */
  public CompletableFuture<Conversed> start(String question, int repeat) {
    Outcome result = new Outcome();
    threads.execute(() -> converse(question, repeat, result));
    result.whenComplete((done, failure) -> result.interruptThread()); // after a timeout: a stuck thread wakes up
    return result;
  }

  /** Runs one conversation and waits for its outcome (candidate screening). */
  public Conversed converse(String question) {
    try {
      return start(question).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private void converse(String question, int repeat, Outcome result) {
    if (!result.begin()) {
      return; // cancelled before it started
    }
    try {
      RetryBudget budget = new RetryBudget(maxRetries);
      for (int restarts = 0; !result.isDone(); restarts++) {
        Optional<Conversed> outcome;
        try {
          outcome = attempt(question, repeat, budget, restarts, result);
        } catch (InterruptedException e) {
          result.cancelled(); // stopped or closing; after a timeout the result is already complete and stays so
          return;
        }
        if (outcome.isPresent()) {
          result.complete(outcome.get());
          return;
        }
        if (result.cancelAsked()) {
          result.cancelled();
          return;
        }
        try {
          ticker.sleepNanos(backoff.delay(restarts + 1, Optional.empty(), ThreadLocalRandom.current().nextDouble())
              .toNanos());
        } catch (InterruptedException e) {
          result.cancelled();
          return;
        }
      }
    } finally {
      result.end();
    }
  }

  /** One attempt: the outcome, or empty when a transient fault is worth a restart and the budget allows one. */
  private Optional<Conversed> attempt(String question, int repeat, RetryBudget budget, int restarts,
      Outcome result) throws InterruptedException {
    try (TrafficControl.Admission admission = traffic.admit(budget)) {
      Watch watch = new Watch(admission, result, restarts);
      watch.schedule(itemTimeout.toNanos());
      Answer answer;
      try {
        answer = repeat > 0 ? agent.ask(question, repeat) : agent.ask(question);
      } catch (AgentAccessDeniedException | InputException e) {
        result.completeExceptionally(e); // not authorized, or the service rejects the configuration: stop the run
        return Optional.empty();
      } catch (RuntimeException e) {
        // an adapter must turn failures into error answers; one that throws anyway still yields an error row
        answer = Answer.failed(new AgentError(AgentError.Kind.TRANSPORT, "agent call failed: " + e), List.of());
      } finally {
        watch.cancel();
      }
      Duration elapsed = Duration.ofNanos(admission.time.activeNanos());
      if (result.isDone()) {
        return Optional.empty(); // timed out meanwhile: the late reply is dropped
      }
      if (answer.error().isPresent() && result.cancelAsked()) {
        return Optional.empty(); // broken off by the cancel: not the agent's answer
      }
      boolean restart = answer.error().map(e -> e.kind().isTransient()).orElse(false) && budget.spend();
      return restart ? Optional.empty() : Optional.of(new Conversed(answer, elapsed, restarts));
    }
  }

  /**
   * A conversation's outcome. {@link #cancel} does not end a conversation under way at once: it interrupts its
   * thread, which ends it as cancelled — or with the agent's answer, when that came all the same — so that no
   * answered conversation is dropped. A conversation not started yet is cancelled at once and never starts.
   */
  private static final class Outcome extends CompletableFuture<Conversed> {
    private Thread thread; // guarded by this: the thread holding the conversation, while it does
    private boolean cancelAsked; // guarded by this

    /** The current thread takes the conversation on: false when it was cancelled before it began. */
    synchronized boolean begin() {
      if (cancelAsked || isDone()) {
        return false;
      }
      thread = Thread.currentThread();
      return true;
    }

    /** The thread is done with the conversation (the pool clears an interrupt it may still carry). */
    synchronized void end() {
      thread = null;
    }

    synchronized boolean cancelAsked() {
      return cancelAsked;
    }

    /** Ends the conversation as cancelled, from its own thread. */
    void cancelled() {
      super.cancel(false);
    }

    /** Wakes the thread of a conversation that was ended from outside (its timeout). */
    synchronized void interruptThread() {
      if (thread != null && thread != Thread.currentThread()) {
        thread.interrupt();
      }
    }

    /** Asks the conversation to stop; see the class comment. Returns true when it was cancelled at once. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      synchronized (this) {
        if (isDone()) {
          return false;
        }
        cancelAsked = true;
        if (thread != null) {
          thread.interrupt();
          return false;
        }
      }
      return super.cancel(mayInterruptIfRunning);
    }
  }

  /** The item timeout of one attempt, on its active time: re-armed for what is left while the attempt pauses. */
  private final class Watch {
    private final TrafficControl.Admission admission;
    private final CompletableFuture<Conversed> result;
    private final int restarts;
    private volatile ScheduledFuture<?> next;

    Watch(TrafficControl.Admission admission, CompletableFuture<Conversed> result, int restarts) {
      this.admission = admission;
      this.result = result;
      this.restarts = restarts;
    }

    void schedule(long nanos) {
      next = watchdog.schedule(this::check, nanos, TimeUnit.NANOSECONDS);
    }

    void cancel() {
      next.cancel(false);
    }

    private void check() {
      if (result.isDone() || admission.isClosed()) {
        return;
      }
      long left = itemTimeout.toNanos() - admission.time.activeNanos();
      if (left > 0) {
        schedule(left);
        return;
      }
      AgentError error = new AgentError(AgentError.Kind.TIMEOUT, "no answer within the item timeout of "
          + itemTimeout.toSeconds() + " s of conversation (waits for the quota and back-offs not counted)");
      admission.close(); // the place is free at once; the stuck thread is interrupted when the result completes
      result.complete(new Conversed(Answer.failed(error, List.of()), itemTimeout, restarts));
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Interrupts the conversations still going and waits (bounded) until their threads have ended. */
  @Override
  public void close() {
    WorkerPools.stopAndAwait(threads, watchdog);
  }
}
