package dev.diaharness.optimize;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.AgentConfigJson;
import dev.diaharness.config.ConfigHash;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.run.EvaluationResult;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.RunInterruptedException;
import dev.diaharness.run.RunListener;
import dev.diaharness.run.Split;
import dev.diaharness.run.SplitMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The optimization loop of SPEC §5: iteration i deploys and verifies C_i, evaluates it on train ∥ test, records
 * (C_i, its hash, its metrics), checks the stop rules, proposes C_{i+1} from the training evidence, validates and
 * approves it, and goes on. The trajectory is rewritten after every step; whatever ends the run — a stop rule, the
 * user, an error — the best evaluated config (on training data) is deployed and written as {@code best_config.json}.
 * A resumed run restarts the last started iteration, whose finished items come from the journal.
 */
public final class OptimizationLoop {
  private final String agentId;
  private final ConfigDeployment deployment;
  private final IterationEvaluator evaluator;
  private final Proposer proposer;
  private final ProposalValidator validator;
  private final ApprovalPolicy approval;
  private final List<GoldenCase> trainCases;
  private final OptimizeOptions options;
  private final TrajectoryStore store;
  private final RunFiles files;
  private final RunListener listener;
  private final Supplier<Optional<String>> externalStop;
  private final Clock clock;
  private final Map<Integer, AgentConfig> evaluated = new HashMap<>();
  private final Set<String> triedHashes = new HashSet<>();
  private Trajectory trajectory;
  /** the external stop (the spent budget) ended the loop: stopped early, not finished by its own rules */
  private boolean stoppedByExternal;

  /** @param externalStop a reason to stop before the next iteration (e.g. the budget is spent), checked each time */
  public OptimizationLoop(String agentId, ConfigDeployment deployment, IterationEvaluator evaluator,
      Proposer proposer, ProposalValidator validator, ApprovalPolicy approval, List<GoldenCase> trainCases,
      OptimizeOptions options, TrajectoryStore store, RunFiles files, RunListener listener,
      Supplier<Optional<String>> externalStop, Clock clock) {
    this.agentId = agentId;
    this.deployment = deployment;
    this.evaluator = evaluator;
    this.proposer = proposer;
    this.validator = validator;
    this.approval = approval;
    this.trainCases = List.copyOf(trainCases);
    this.options = options;
    this.store = store;
    this.files = files;
    this.listener = listener;
    this.externalStop = externalStop;
    this.clock = clock;
  }

  /**
   * Runs from iteration {@code start} with {@code config}; {@code initial} holds the records of earlier iterations
   * (empty for a new run), and their configs are read back from {@code configs/}.
   */
  public OptimizationOutcome run(Trajectory initial, int start, AgentConfig config) {
    trajectory = initial;
    for (IterationRecord r : initial.iterations()) {
      if (r.iteration() < start) {
        files.read(files.evaluatedConfig(r.iteration())).ifPresent(c -> evaluated.put(r.iteration(), c));
        triedHashes.add(r.config().hash());
      }
    }
    String endReason;
    boolean failed = false;
    try {
      endReason = iterate(start, config);
    } catch (RunInterruptedException e) {
      // Ctrl-C: record the end quickly and leave the agent as it is; --resume redeploys the iteration's config
      finish("interrupted", true, false);
      throw e;
    } catch (DeploymentException | ProposerException e) {
      endReason = "error: " + e.getMessage();
      failed = true;
      listener.note(endReason);
    } catch (RuntimeException e) {
      // anything else (403, budget, a bug) still leaves the trajectory, the best config and the agent on it
      finish("error: " + e.getMessage(), true);
      throw e;
    }
    return finish(endReason, failed || stoppedByExternal);
  }

  private String iterate(int start, AgentConfig first) {
    AgentConfig config = first;
    for (int i = start; ; i++) {
      files.write(files.evaluatedConfig(i), config);
      deploy(config);
      listener.note("iteration " + i + ": evaluating config " + shortHash(ConfigHash.of(config)));
      EvaluationResult result = evaluator.evaluate(i, config);
      int evaluatedIteration = i;
      List<ItemResult> trainRows = result.rows(Split.TRAIN).orElseThrow(() -> new IllegalStateException(
          "the evaluation of iteration " + evaluatedIteration + " kept no training rows"));
      IterationRecord record = record(i, config, result, trainRows);
      Optional<String> stop = stopReason(record);
      if (stop.isPresent()) {
        return stop.get();
      }
      Optional<AgentConfig> next = proposeNext(record, trainRows);
      if (next.isEmpty()) {
        return trajectory.iterations().get(trajectory.iterations().size() - 1).proposal()
            .map(ProposalRecord::summary).orElse(null);
      }
      config = next.get();
    }
  }

  private void deploy(AgentConfig config) {
    deployment.apply(agentId, config);
  }

  /** Records the evaluation from what it holds in memory: its metrics and its training rows. */
  private IterationRecord record(int i, AgentConfig config, EvaluationResult result, List<ItemResult> trainRows) {
    evaluated.put(i, config);
    String hash = ConfigHash.of(config);
    triedHashes.add(hash);
    Map<String, Double> rates = inSetOrder(result.train().byQuestion().passRates());
    Map<String, Double> previous = trajectory.iterations().stream().filter(r -> r.iteration() == i - 1)
        .findFirst().map(r -> inSetOrder(r.trainMetrics().byQuestion().passRates())).orElse(Map.of());
    Map<String, SplitSummary> evaluation = new LinkedHashMap<>();
    Map<String, SplitMetrics> metrics = new LinkedHashMap<>();
    List<FailureEntry> failures = FailureSummaries.failures(trainRows);
    evaluation.put("train", SplitSummary.of(result.train(), failures));
    metrics.put("train", result.train());
    result.test().ifPresent(test -> {
      // the test split is reported, never explained to anyone who could learn from it
      evaluation.put("test", SplitSummary.of(test, List.of()));
      metrics.put("test", test);
    });
    var results = new IterationResults(evaluation, metrics, failures,
        i > 1 ? FailureSummaries.fixed(previous, rates) : List.of(),
        i > 1 ? FailureSummaries.broken(previous, rates) : List.of());
    IterationRecord record = IterationRecord.evaluated(i, clock.instant(), snapshot(config), results);
    save(trajectory.withIteration(record));
    return record;
  }

  /**
   * Pass rates (sorted by id in the metrics) in the training set's order, questions no longer in it last: the order
   * the fixed and broken lists are written in.
   */
  private Map<String, Double> inSetOrder(Map<String, Double> rates) {
    Map<String, Double> ordered = new LinkedHashMap<>();
    trainCases.forEach(c -> {
      if (rates.containsKey(c.id())) {
        ordered.put(c.id(), rates.get(c.id()));
      }
    });
    rates.forEach(ordered::putIfAbsent);
    return ordered;
  }

  private Optional<String> stopReason(IterationRecord record) {
    double accuracy = record.trainMetrics().accuracy();
    if (options.targetAccuracy().filter(t -> accuracy >= t).isPresent()) {
      return Optional.of("target training accuracy reached");
    }
    if (record.iteration() >= options.maxIterations()) {
      return Optional.of("reached --max-iterations " + options.maxIterations());
    }
    IterationRecord best = BestConfig.of(trajectory.iterations()).orElseThrow();
    if (options.patience().filter(p -> record.iteration() - best.iteration() >= p).isPresent()) {
      return Optional.of("no new best training accuracy for " + options.patience().get() + " iteration(s)");
    }
    Optional<String> external = externalStop.get();
    if (external.isPresent()) {
      stoppedByExternal = true;
      return external;
    }
    return approval.continueAfter(record.iteration()) ? Optional.empty() : Optional.of("stopped by the user");
  }

  /** Proposes, validates and approves the next config; empty when nothing is left to try. */
  private Optional<AgentConfig> proposeNext(IterationRecord record, List<ItemResult> trainRows) {
    int i = record.iteration();
    IterationRecord best = BestConfig.of(trajectory.iterations()).orElseThrow();
    boolean rollback = (best.trainMetrics().accuracy() - record.trainMetrics().accuracy()) * 100
        > options.rollbackPoints();
    IterationRecord base = rollback ? best : record;
    if (rollback) {
      listener.note("iteration " + i + ": training accuracy fell more than " + options.rollbackPoints()
          + " points below the best; the next config starts from iteration " + best.iteration());
    }
    AgentConfig baseConfig = evaluated.get(base.iteration());
    Proposal proposal = proposer.propose(new ProposalContext(i, baseConfig, trainCases, base.trainMetrics(),
        rollback ? evaluator.trainRows(base.iteration()) : trainRows, tried(), triedHashes));
    List<AppliedChange> decisions = new ArrayList<>();
    for (RejectedAlternative alternative : proposal.rejected()) {
      for (FieldChange change : alternative.changes()) {
        files.writeRejected(i, change, alternative.label() + ": " + alternative.reason());
        decisions.add(AppliedChange.of(change, "rejected (" + alternative.label() + "): " + alternative.reason()));
      }
    }
    List<FieldChange> valid = validate(i, baseConfig, proposal, decisions);
    List<FieldChange> reviewed = valid.isEmpty() ? List.of() : approval.review(i, valid);
    // a person's edit meets the same rules as a proposer's text
    List<FieldChange> approved = validEdits(i, baseConfig, valid, reviewed, decisions);
    for (FieldChange c : valid) {
      boolean editRejected = reviewed.stream().anyMatch(r -> r.field() == c.field())
          && approved.stream().noneMatch(a -> a.field() == c.field());
      if (!editRejected) { // an edit the validators refused is recorded as such already
        decisions.add(AppliedChange.of(approved.stream().filter(a -> a.field() == c.field()).findFirst().orElse(c),
            decisionOf(c, approved)));
      }
    }
    Optional<AgentConfig> next = approved.isEmpty() ? Optional.empty()
        : Optional.of(new Proposal(approved, proposal.summary()).applyTo(baseConfig));
    String summary = next.isEmpty() ? (proposal.isEmpty() ? proposal.summary() : "no proposed change was accepted")
        : proposal.summary();
    if (next.isPresent() && triedHashes.contains(ConfigHash.of(next.get()))) {
      summary = "the proposal repeats a config already evaluated";
      next = Optional.empty();
    }
    next.ifPresent(c -> files.write(files.suggestedConfig(i), c));
    save(trajectory.withIteration(record.withProposal(new ProposalRecord(next.map(OptimizationLoop::snapshot),
        next.isPresent(), decisions, summary, rollback ? Optional.of(best.iteration()) : Optional.empty()))));
    return next;
  }

  private List<FieldChange> validate(int i, AgentConfig base, Proposal proposal, List<AppliedChange> decisions) {
    List<FieldChange> valid = new ArrayList<>();
    for (FieldChange change : proposal.changes()) {
      List<String> problems = validator.problems(base, change);
      if (problems.isEmpty()) {
        valid.add(change);
      } else {
        String reasons = String.join("; ", problems);
        files.writeRejected(i, change, reasons);
        decisions.add(AppliedChange.of(change, "rejected: " + reasons));
        listener.note("iteration " + i + ": rejected the change to " + change.field().key() + ": " + reasons);
      }
    }
    return valid;
  }

  /** The reviewed changes, minus edits the validators refuse (recorded, with the edited text, as rejected). */
  private List<FieldChange> validEdits(int i, AgentConfig base, List<FieldChange> proposed,
      List<FieldChange> reviewed, List<AppliedChange> decisions) {
    List<FieldChange> kept = new ArrayList<>();
    for (FieldChange change : reviewed) {
      boolean edited = proposed.stream().noneMatch(p -> p.field() == change.field() && p.after().equals(change.after()));
      List<String> problems = edited ? validator.problems(base, change) : List.of();
      if (problems.isEmpty()) {
        kept.add(change);
      } else {
        String reasons = String.join("; ", problems);
        files.writeRejected(i, change, "the edit: " + reasons);
        decisions.add(AppliedChange.of(change, "edit rejected: " + reasons));
        listener.note("iteration " + i + ": the edit of " + change.field().key() + " was rejected: " + reasons);
      }
    }
    return kept;
  }

  private static String decisionOf(FieldChange proposed, List<FieldChange> approved) {
    return approved.stream().filter(a -> a.field() == proposed.field()).findFirst()
        .map(a -> a.after().equals(proposed.after()) ? "approved" : "edited").orElse("skipped");
  }

  private List<TriedConfig> tried() {
    List<TriedConfig> tried = new ArrayList<>();
    for (IterationRecord r : trajectory.iterations()) {
      AgentConfig c = evaluated.get(r.iteration());
      if (c != null) {
        tried.add(new TriedConfig(r.iteration(), c, r.config().hash(), r.trainMetrics().accuracy(),
            r.trainMetrics().outcomes().meanScore()));
      }
    }
    return tried;
  }

  /** Leaves the agent on the best evaluated config and writes it, whatever ended the run. */
  private OptimizationOutcome finish(String endReason, boolean failed) {
    return finish(endReason, failed, true);
  }

  private OptimizationOutcome finish(String endReason, boolean failed, boolean deploy) {
    Optional<IterationRecord> best = BestConfig.of(trajectory.iterations());
    Boolean bestDeployed = null;
    if (best.isPresent() && evaluated.containsKey(best.get().iteration())) {
      AgentConfig bestConfig = evaluated.get(best.get().iteration());
      files.write(files.bestConfig(), bestConfig);
      bestDeployed = deploy ? deployBest(bestConfig, best.get()) : null;
    }
    save(trajectory.withEnd(best.map(IterationRecord::iteration).orElse(null), endReason, bestDeployed));
    return new OptimizationOutcome(trajectory, best, endReason, failed || Boolean.FALSE.equals(bestDeployed));
  }

  /**
   * Always deploys, even when the loop's last deployment was the best config: a proposer may have deployed
   * candidates to screen them since.
   */
  private boolean deployBest(AgentConfig bestConfig, IterationRecord best) {
    try {
      deploy(bestConfig);
      listener.note("deployed the best config (iteration " + best.iteration() + ")");
      return true;
    } catch (DeploymentException e) {
      listener.note("could not deploy the best config: " + e.getMessage());
      return false;
    }
  }

  private void save(Trajectory t) {
    trajectory = t;
    store.write(t);
  }

  private static ConfigSnapshot snapshot(AgentConfig config) {
    return new ConfigSnapshot(AgentConfigJson.toJson(config, Optional.empty()), ConfigHash.of(config));
  }

  private static String shortHash(String hash) {
    return hash.substring(0, 12);
  }
}
