package dev.diaharness.run;

import dev.diaharness.agent.Agent;
import dev.diaharness.agent.AgentAccessDeniedException;
import dev.diaharness.agent.AgentError;
import dev.diaharness.agent.Answer;
import dev.diaharness.core.InputException;
import dev.diaharness.scoring.Scorer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs evaluations: every (question × repeat) item of every given split is submitted at once (train and test
 * together: the two levels of parallelism of the Python tool's design note), at most {@code maxWorkers}
 * conversations in flight per split, all agent traffic through one {@link TrafficControl}. Each answer is scored on
 * a separate pool as soon as it arrives, so scoring never holds an agent slot, then journaled and aggregated.
 *
 * <p>A 403, a service or model that rejects the configuration or credentials, or a spent budget cancels every
 * pending item promptly; finished rows stay written and the exception is rethrown after the in-flight items end.
 * Not reentrant: one {@link #run} at a time.
 */
public final class EvaluationEngine {
  private final Agent agent;
  private final ItemScorer itemScorer;
  private final TrafficControl traffic;
  private final RunOptions options;
  private final ResultSink sink;
  private final RunListener listener;

  public EvaluationEngine(Agent agent, Scorer scorer, TrafficControl traffic, RunOptions options, ResultSink sink,
      RunListener listener, Clock clock) {
    this.agent = agent;
    this.itemScorer = new ItemScorer(scorer, clock);
    this.traffic = traffic;
    this.options = options;
    this.sink = sink;
    this.listener = listener;
  }

  /**
   * Evaluates the specs concurrently.
   *
   * @param done rows already journaled (resume): their keys are not asked again, and they count in the metrics
   * @throws AgentAccessDeniedException when the agent answered 403
   */
  public EvaluationResult run(int iteration, List<EvaluationSpec> specs, Map<ItemKey, ItemResult> done) {
    AtomicReference<RuntimeException> stop = new AtomicReference<>();
    Phaser inFlight = new Phaser(1); // this thread, plus one party per submitted item until it finishes
    Map<Split, SplitAggregator> aggregators = new LinkedHashMap<>();
    List<ExecutorService> pools = new ArrayList<>();
    List<Thread> feeders = new ArrayList<>();
    ExecutorService scoring = WorkerPools.scoringPool();
    try {
      for (EvaluationSpec spec : specs) {
        SplitAggregator aggregator = new SplitAggregator(spec.split(), options.repeats(), spec.cases());
        aggregators.put(spec.split(), aggregator);
        ExecutorService workers = WorkerPools.agentPool(spec.split(), options.maxWorkers());
        pools.add(workers);
        Thread feeder = WorkerPools.feeder(spec.split(), () -> {
          try {
            feed(spec, done, aggregator, workers, scoring, stop, inFlight);
          } catch (RuntimeException e) {
            stop.compareAndSet(null, e); // a feeder that died must not leave a silently partial evaluation
          }
        });
        feeders.add(feeder);
        feeder.start();
      }
      for (Thread feeder : feeders) {
        feeder.join();
      }
      inFlight.arriveAndAwaitAdvance();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.compareAndSet(null, new IllegalStateException("the evaluation was interrupted", e));
    } finally {
      pools.forEach(ExecutorService::shutdownNow);
      scoring.shutdownNow();
    }
    if (stop.get() != null) {
      throw stop.get();
    }
    Map<Split, SplitMetrics> metrics = new LinkedHashMap<>();
    aggregators.forEach((split, agg) -> {
      metrics.put(split, agg.metrics());
      listener.evaluationFinished(iteration, metrics.get(split));
    });
    return new EvaluationResult(iteration, metrics);
  }

  /**
   * Submits one split's items as workers free up, a bounded window ahead of them, so memory stays flat for any
   * number of items (all items are still "submitted at once" as far as the workers can tell: the queue never
   * runs dry). Items already journaled count without being asked again.
   */
  private void feed(EvaluationSpec spec, Map<ItemKey, ItemResult> done, SplitAggregator aggregator,
      ExecutorService workers, ExecutorService scoring, AtomicReference<RuntimeException> stop, Phaser inFlight) {
    long total = (long) spec.cases().size() * options.repeats();
    long alreadyDone = spec.keys(options.repeats()).filter(key -> reusable(done.get(key))).count();
    AtomicLong finished = new AtomicLong(alreadyDone);
    listener.evaluationStarted(spec.iteration(), spec.split(), total, alreadyDone);
    Semaphore window = new Semaphore(options.maxWorkers() * 4);
    spec.workItems(options.repeats()).forEach(item -> {
      ItemResult previous = done.get(item.key());
      if (reusable(previous)) {
        aggregator.add(previous);
        return;
      }
      if (stop.get() != null) {
        return;
      }
      window.acquireUninterruptibly();
      inFlight.register();
      ask(spec, item, aggregator, workers, scoring, stop, () -> finished.incrementAndGet(), total)
          .whenComplete((ignored, failure) -> {
            if (failure != null) {
              stop.compareAndSet(null, unwrap(failure));
            }
            window.release();
            inFlight.arriveAndDeregister();
          });
    });
  }

  private boolean reusable(ItemResult previous) {
    return previous != null && !(options.retryErrors() && previous.isError());
  }

  /** One item: the conversation on a worker, then scoring, journaling and aggregation on the scoring pool. */
  private CompletableFuture<Void> ask(EvaluationSpec spec, WorkItem item, SplitAggregator aggregator,
      ExecutorService workers, ExecutorService scoring, AtomicReference<RuntimeException> stop,
      LongSupplier nextFinished, long total) {
    return CompletableFuture
        .supplyAsync(() -> converse(item, stop), workers)
        .orTimeout(options.itemTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(this::timedOutOrFailed)
        .thenAcceptAsync(timed -> timed.filter(t -> stop.get() == null).ifPresent(t -> {
          ItemResult row;
          try {
            row = itemScorer.toResult(item, spec.schemaDescription(), t.answer(), t.elapsed());
          } catch (RunStoppingException e) {
            stop.compareAndSet(null, e.stopReason());
            return;
          }
          sink.accept(row);
          aggregator.add(row);
          listener.itemFinished(row, nextFinished.getAsLong(), total);
        }), scoring);
  }

  private static RuntimeException unwrap(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
  }

  /** An answer with the conversation's wall time; empty when the item was cancelled before it started. */
  private record Timed(Answer answer, Duration elapsed) {}

  private Optional<Timed> converse(WorkItem item, AtomicReference<RuntimeException> stop) {
    if (stop.get() != null) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    try {
      traffic.startConversation();
      try {
        Answer answer = agent.ask(item.goldenCase().question());
        return Optional.of(new Timed(answer, Duration.ofNanos(System.nanoTime() - start)));
      } finally {
        traffic.endConversation();
      }
    } catch (AgentAccessDeniedException | InputException e) {
      // not authorized, or the service rejects the configuration (wrong project or engine): stop, don't fail items
      stop.compareAndSet(null, e);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (RuntimeException e) {
      // an adapter must turn failures into error answers; one that throws anyway still yields an error row
      AgentError error = new AgentError(AgentError.Kind.TRANSPORT, "agent call failed: " + e);
      return Optional.of(new Timed(Answer.failed(error, List.of()), Duration.ofNanos(System.nanoTime() - start)));
    }
  }

  private Optional<Timed> timedOutOrFailed(Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    AgentError error = cause instanceof TimeoutException
        ? new AgentError(AgentError.Kind.TIMEOUT, "no answer within the item timeout of " + options.itemTimeout())
        : new AgentError(AgentError.Kind.TRANSPORT, "agent call failed: " + cause);
    return Optional.of(new Timed(Answer.failed(error, List.of()), options.itemTimeout()));
  }
}
