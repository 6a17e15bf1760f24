package dev.diaharness.run;

import dev.diaharness.agent.Agent;
import dev.diaharness.agent.AgentAccessDeniedException;
import dev.diaharness.scoring.Scorer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs evaluations: the (question × repeat) items of every given split start together (train and test: the two
 * levels of parallelism of the Python tool's design note), each split with {@code --max-workers} places of its own
 * and, unless {@code --no-share-workers}, the idle places of a split that has nothing left to start
 * ({@link WorkerSlots}). Every conversation goes through one {@link ConversationRunner} over the run's one
 * {@link TrafficControl}. Each answer is scored on a separate pool as soon as it arrives, so scoring never holds a
 * place, then journaled and aggregated.
 *
 * <p>A 403, a service or model that rejects the configuration or credentials, or a spent budget stops the run
 * promptly: no item starts any more and the conversations in flight are cancelled (interrupted: they send nothing
 * more). Every conversation that has its answer — waiting for scoring, or answered just as the stop came — is
 * still scored and journaled, so a resume does not ask it again; the exception is rethrown once all have ended.
 * When {@link #run} returns or throws, its threads (conversations and scoring) have ended, within a bound.
 * Not reentrant: one {@link #run} at a time.
 */
public final class EvaluationEngine {
  private final Agent agent;
  private final ItemScorer itemScorer;
  private final TrafficControl traffic;
  private final RunOptions options;
  private final ResultSink sink;
  private final RunListener listener;
  private volatile boolean interrupted;
  /** System.nanoTime() after which an interrupted run stops waiting for its conversations */
  private volatile long interruptDeadline;
  /** the thread dispatching items, woken by {@link #interrupt} when it waits for a free place */
  private volatile Thread dispatcher;

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
   * Ctrl-C: no new item starts (now and in every later {@link #run}); the conversations in flight get {@code grace}
   * to finish and be journaled, then {@link #run} throws {@link RunInterruptedException}. Safe from any thread.
   */
  public void interrupt(Duration grace) {
    if (!interrupted) {
      interruptDeadline = System.nanoTime() + grace.toNanos();
      interrupted = true;
      Thread waiting = dispatcher;
      if (waiting != null) {
        waiting.interrupt(); // it may be waiting for a place to free up: it must stop taking items now
      }
    }
  }

  /**
   * Evaluates the specs concurrently.
   *
   * @param done rows already journaled (resume): their keys are not asked again, and they count in the metrics
   * @throws AgentAccessDeniedException when the agent answered 403
   */
  public EvaluationResult run(int iteration, List<EvaluationSpec> specs, Map<ItemKey, ItemResult> done) {
    return run(iteration, specs, done, Set.of());
  }

  /**
   * As above; the result also holds the rows of the splits in {@code keepRows} (reused and new, in the set's order
   * then repeat). Only those are held in memory: the engine otherwise keeps nothing per item.
   */
  public EvaluationResult run(int iteration, List<EvaluationSpec> specs, Map<ItemKey, ItemResult> done,
      Set<Split> keepRows) {
    Map<Split, SplitAggregator> aggregators = new LinkedHashMap<>();
    Map<Split, Queue<ItemResult>> kept = new EnumMap<>(Split.class);
    Map<Split, PendingItems> pending = new EnumMap<>(Split.class);
    Map<Split, Progress> progress = new EnumMap<>(Split.class);
    for (EvaluationSpec spec : specs) {
      SplitAggregator aggregator = new SplitAggregator(spec.split(), options.repeats(), spec.cases());
      aggregators.put(spec.split(), aggregator);
      Queue<ItemResult> rows = keepRows.contains(spec.split()) ? new ConcurrentLinkedQueue<>() : null;
      if (rows != null) {
        kept.put(spec.split(), rows);
      }
      Consumer<ItemResult> finished = row -> {
        aggregator.add(row);
        if (rows != null) {
          rows.add(row);
        }
      };
      pending.put(spec.split(), new PendingItems(spec, options.repeats(), done, this::reusable, finished));
      long total = (long) spec.cases().size() * options.repeats();
      long alreadyDone = spec.keys(options.repeats()).filter(key -> reusable(done.get(key))).count();
      progress.put(spec.split(), new Progress(spec, finished, new AtomicLong(alreadyDone), total));
      listener.evaluationStarted(spec.iteration(), spec.split(), total, alreadyDone);
    }
    RuntimeException stopped = dispatch(pending, progress);
    if (stopped != null) {
      throw stopped;
    }
    if (interrupted) {
      throw new RunInterruptedException();
    }
    Map<Split, SplitMetrics> metrics = new LinkedHashMap<>();
    aggregators.forEach((split, agg) -> {
      metrics.put(split, agg.metrics());
      listener.evaluationFinished(iteration, metrics.get(split));
    });
    Map<Split, List<ItemResult>> rows = new EnumMap<>(Split.class);
    kept.forEach((split, queue) -> {
      List<ItemResult> list = new ArrayList<>(queue);
      list.sort(EvaluationSpec.rowOrder(progress.get(split).spec().cases()));
      rows.put(split, list);
    });
    return new EvaluationResult(iteration, metrics, rows);
  }

  /**
   * Why the run must stop, once known, and the conversations to cancel then: they must not go on sending requests.
   * Thread-safe.
   */
  private static final class Stop {
    private final AtomicReference<RuntimeException> reason = new AtomicReference<>();
    private final Set<CompletableFuture<?>> conversing = ConcurrentHashMap.newKeySet();

    void set(RuntimeException e) {
      if (reason.compareAndSet(null, e)) {
        conversing.forEach(f -> f.cancel(false));
      }
    }

    RuntimeException get() {
      return reason.get();
    }

    void track(CompletableFuture<?> conversation) {
      conversing.add(conversation);
      conversation.whenComplete((r, e) -> conversing.remove(conversation));
      if (reason.get() != null) {
        conversation.cancel(false);
      }
    }
  }

  /** One split's evaluation as the dispatcher and the scoring threads share it. */
  private record Progress(EvaluationSpec spec, Consumer<ItemResult> counted, AtomicLong finished, long total) {}

  /**
   * Starts items as places free up, a bounded number ahead of scoring, until none is pending or the run must stop;
   * then waits for the items in flight. Returns why the run stopped, or null.
   */
  private RuntimeException dispatch(Map<Split, PendingItems> pending, Map<Split, Progress> progress) {
    Stop stop = new Stop();
    WorkerSlots slots = new WorkerSlots(pending.keySet(), options.maxWorkers(), options.shareWorkers());
    Semaphore unscored = new Semaphore(options.maxWorkers() * pending.size() * 4);
    Phaser inFlight = new Phaser(1); // this thread, plus one party per started item until it is recorded
    ExecutorService scoring = WorkerPools.scoringPool();
    ConversationRunner runner = new ConversationRunner(agent, traffic, options.itemTimeout(), options.maxRetries(),
        options.backoff(), Ticker.SYSTEM);
    dispatcher = Thread.currentThread();
    try {
      try {
        dispatchUntilDone(pending, progress, runner, slots, scoring, stop, unscored, inFlight);
      } catch (InterruptedException e) {
        if (!interrupted) {
          throw e;
        }
        Thread.interrupted(); // the wake-up of Ctrl-C, not a failure: wait below for the conversations in flight
      }
      awaitInFlight(inFlight, stop);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.set(new IllegalStateException("the evaluation was interrupted", e));
    } finally {
      dispatcher = null;
      Thread.interrupted(); // a late wake-up must not reach the caller
      // waits for the threads: after a Ctrl-C's grace, the conversations still going are asked again on resume
      runner.close();
      WorkerPools.stopAndAwait(scoring);
    }
    return stop.get();
  }

  private void dispatchUntilDone(Map<Split, PendingItems> pending, Map<Split, Progress> progress,
      ConversationRunner runner, WorkerSlots slots, ExecutorService scoring, Stop stop, Semaphore unscored,
      Phaser inFlight) throws InterruptedException {
    while (stop.get() == null && !interrupted) {
      List<Split> waiting = new ArrayList<>();
      pending.forEach((split, items) -> {
        if (items.hasNext()) {
          waiting.add(split);
        }
      });
      if (waiting.isEmpty()) {
        break;
      }
      unscored.acquire();
      Split split = slots.acquire(waiting);
      if (stop.get() != null || interrupted) {
        slots.release(split);
        unscored.release();
        break;
      }
      start(pending.get(split).next(), progress.get(split), runner, slots, scoring, stop, unscored, inFlight);
    }
  }

  /** Waits for every item in flight; after an interrupt, no longer than its grace period. */
  private void awaitInFlight(Phaser inFlight, Stop stop) throws InterruptedException {
    int phase = inFlight.arrive();
    while (true) {
      try {
        inFlight.awaitAdvanceInterruptibly(phase, 50, TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException e) {
        if (interrupted && System.nanoTime() - interruptDeadline > 0) {
          // the grace period is over: the conversations still going are cancelled and asked again on resume
          stop.set(new RunInterruptedException());
          return;
        }
      } catch (InterruptedException e) {
        if (!interrupted) {
          throw e;
        }
        // the wake-up of Ctrl-C arriving late: keep waiting out the grace period
      }
    }
  }

  /** One item: the conversation, then scoring, journaling and aggregation on the scoring pool. */
  private void start(WorkItem item, Progress progress, ConversationRunner runner, WorkerSlots slots,
      ExecutorService scoring, Stop stop, Semaphore unscored, Phaser inFlight) {
    inFlight.register();
    CompletableFuture<ConversationRunner.Conversed> conversation = runner.start(item.goldenCase().question(),
        item.key().repeat());
    stop.track(conversation);
    conversation.whenComplete((conversed, failure) -> {
      if (failure != null) { // the run stops, or this conversation was cancelled because it does
        stop.set(unwrap(failure)); // before the place is freed: no item may start in it any more
        slots.release(item.key().split());
        unscored.release();
        inFlight.arriveAndDeregister();
        return;
      }
      slots.release(item.key().split());
      scoring.execute(() -> {
        try {
          record(item, progress, conversed, stop);
        } finally {
          unscored.release();
          inFlight.arriveAndDeregister();
        }
      });
    });
  }

  /** Scores and writes a finished conversation's row; one that finished before the run stopped is kept too. */
  private void record(WorkItem item, Progress progress, ConversationRunner.Conversed conversed, Stop stop) {
    ItemResult row;
    try {
      row = itemScorer.toResult(item, progress.spec().schemaDescription(), conversed.answer(), conversed.elapsed());
    } catch (RunStoppingException e) {
      stop.set(e.stopReason());
      return;
    }
    sink.accept(row);
    progress.counted().accept(row);
    listener.itemFinished(row, progress.finished().incrementAndGet(), progress.total());
  }

  private boolean reusable(ItemResult previous) {
    return previous != null && !(options.retryErrors() && previous.isError());
  }

  private static RuntimeException unwrap(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
  }
}
