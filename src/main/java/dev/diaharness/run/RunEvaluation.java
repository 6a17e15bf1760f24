package dev.diaharness.run;

import dev.diaharness.agent.Agent;
import dev.diaharness.core.AtomicFiles;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.scoring.Scorer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The evaluations of one run directory: each call evaluates one iteration (train ∥ test) against the agent as it
 * is deployed, re-using whatever the journal already holds (resume), and rewrites {@code metrics.json}. Used by
 * both {@code evaluate} (one iteration) and {@code optimize} (one per iteration). Close it to close the journal.
 */
public final class RunEvaluation implements AutoCloseable {
  private final RunDirectory run;
  private final EvaluationEngine engine;
  private final JournalWriter journal;
  private final JournaledRows journaled;
  private final List<GoldenCase> train;
  private final Optional<List<GoldenCase>> test;
  private MetricsFile metrics;

  public RunEvaluation(RunDirectory run, Agent agent, Scorer scorer, TrafficControl traffic, RunOptions options,
      RunListener listener, List<GoldenCase> train, Optional<List<GoldenCase>> test, Clock clock) {
    this(run, agent, scorer, traffic, options, listener, train, test, clock, false);
  }

  /** As above; {@code keepRaw} saves every raw stream gzipped under {@code raw/} ({@link RawStreamSink}). */
  public RunEvaluation(RunDirectory run, Agent agent, Scorer scorer, TrafficControl traffic, RunOptions options,
      RunListener listener, List<GoldenCase> train, Optional<List<GoldenCase>> test, Clock clock, boolean keepRaw) {
    this.run = run;
    this.journal = new JournalWriter(run);
    this.journaled = new JournaledRows(run.journal(), journal);
    this.engine = new EvaluationEngine(agent, scorer, traffic, options, new RawStreamSink(journaled, run, keepRaw),
        listener, clock);
    this.train = List.copyOf(train);
    this.test = test.map(List::copyOf);
    this.metrics = MetricsReader.readOrEmpty(run);
  }

  /** Evaluates iteration {@code i}; the schema description is what the scorer's judge is given. */
  public EvaluationResult evaluate(int iteration, String schemaDescription) {
    return evaluate(iteration, schemaDescription, Set.of());
  }

  /**
   * As {@link #evaluate(int, String)}; the result also holds the rows of the splits in {@code keepRows}, in the
   * order {@link #rows} gives (for a caller that reads them next, such as the optimizer: no second read from disk).
   */
  public EvaluationResult evaluate(int iteration, String schemaDescription, Set<Split> keepRows) {
    List<EvaluationSpec> specs = new ArrayList<>();
    specs.add(new EvaluationSpec(iteration, Split.TRAIN, train, schemaDescription));
    test.ifPresent(cases -> specs.add(new EvaluationSpec(iteration, Split.TEST, cases, schemaDescription)));
    EvaluationResult result = engine.run(iteration, specs, journaled.of(iteration), keepRows);
    metrics = metrics.with(result);
    AtomicFiles.writeJson(run.metricsFile(), metrics);
    return result;
  }

  /**
   * Ctrl-C: no new item starts; the conversations in flight get {@code grace} to finish, then the evaluation in
   * progress (and any later one) throws {@link RunInterruptedException}. Safe from a signal handler's thread.
   */
  public void interrupt(Duration grace) {
    engine.interrupt(grace);
  }

  /** Records token and cost totals in {@code metrics.json}. */
  public void recordUsage(Map<String, Map<String, Double>> byRole, double totalUsd) {
    metrics = metrics.withUsage(byRole, totalUsd);
    AtomicFiles.writeJson(run.metricsFile(), metrics);
  }

  /**
   * The rows of one split of an evaluated iteration (the latest row of each key), read from its eval file, in the
   * order of the set's questions and then repeats ({@link EvaluationSpec#rowOrder}).
   */
  public List<ItemResult> rows(int iteration, Split split) {
    List<GoldenCase> cases = split == Split.TEST ? test.orElse(List.of()) : train;
    List<ItemResult> rows = new ArrayList<>(JournalReader.latestByKey(run.evalFile(iteration, split)).values());
    rows.sort(EvaluationSpec.rowOrder(cases));
    return rows;
  }

  @Override
  public void close() {
    try {
      journal.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
