package dev.diaharness.run;

import dev.diaharness.agent.Agent;
import dev.diaharness.agent.AgentAccessDeniedException;
import dev.diaharness.agent.AgentError;
import dev.diaharness.agent.Answer;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs evaluations: every (question × repeat) item of every given split is submitted at once (train and test
 * together: the two levels of parallelism of the Python tool's design note), at most {@code maxWorkers}
 * conversations in flight per split, all agent traffic through one {@link TrafficControl}. Each answer is scored on
 * a separate pool as soon as it arrives, so scoring never holds an agent slot, then journaled and aggregated.
 *
 * <p>A 403, a model that rejects its credentials, or a spent budget cancels every pending item promptly; finished
 * rows stay written and the exception is rethrown after the in-flight items end. Not reentrant: one {@link #run}
 * at a time.
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
    Map<Split, SplitAggregator> aggregators = new LinkedHashMap<>();
    List<CompletableFuture<Void>> all = new ArrayList<>();
    List<ExecutorService> pools = new ArrayList<>();
    ExecutorService scoring = WorkerPools.scoringPool();
    try {
      for (EvaluationSpec spec : specs) {
        SplitAggregator aggregator = new SplitAggregator(spec.split(), options.repeats());
        aggregators.put(spec.split(), aggregator);
        ExecutorService workers = WorkerPools.agentPool(spec.split(), options.maxWorkers());
        pools.add(workers);
        all.addAll(submit(spec, done, aggregator, workers, scoring, stop));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
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

  private List<CompletableFuture<Void>> submit(EvaluationSpec spec, Map<ItemKey, ItemResult> done,
      SplitAggregator aggregator, ExecutorService workers, ExecutorService scoring,
      AtomicReference<RuntimeException> stop) {
    List<WorkItem> items = spec.items(options.repeats());
    List<WorkItem> todo = new ArrayList<>();
    for (WorkItem item : items) {
      ItemResult previous = done.get(item.key());
      if (previous != null && !(options.retryErrors() && previous.isError())) {
        aggregator.add(previous);
      } else {
        todo.add(item);
      }
    }
    long total = items.size();
    AtomicLong finished = new AtomicLong(items.size() - todo.size());
    listener.evaluationStarted(spec.iteration(), spec.split(), total, finished.get());
    List<CompletableFuture<Void>> futures = new ArrayList<>(todo.size());
    for (WorkItem item : todo) {
      futures.add(CompletableFuture
          .supplyAsync(() -> converse(item, stop), workers)
          .orTimeout(options.itemTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
          .exceptionally(e -> timedOutOrFailed(e))
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
            listener.itemFinished(row, finished.incrementAndGet(), total);
          }), scoring));
    }
    return futures;
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
    } catch (AgentAccessDeniedException e) {
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
