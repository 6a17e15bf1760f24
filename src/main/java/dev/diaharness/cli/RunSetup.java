package dev.diaharness.cli;

import dev.diaharness.agent.gemini.SqlFollowup;
import dev.diaharness.bigquery.BigQueryQueries;
import dev.diaharness.bigquery.BigQuerySettings;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.core.InputException;
import dev.diaharness.dataset.GoldenSet;
import dev.diaharness.dataset.GoldenSetLoader;
import dev.diaharness.emulator.EmulatorSettings;
import dev.diaharness.run.ConversationRunner;
import dev.diaharness.run.RunDirectory;
import dev.diaharness.run.RunEvaluation;
import dev.diaharness.run.RunFolder;
import dev.diaharness.run.RunListener;
import dev.diaharness.run.RunManifest;
import dev.diaharness.run.RunOptions;
import dev.diaharness.run.Ticker;
import dev.diaharness.run.TrafficControl;
import dev.diaharness.scoring.ScorerSetup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything {@code evaluate} and {@code optimize} share, built from the flags: the inputs, the run folder (new or
 * resumed), the models, the scorer, the traffic control and the agent connection. Close it to stop the emulator
 * and free the database.
 */
final class RunSetup implements AutoCloseable {
  final Optional<AgentConfig> config;
  final GoldenSet train;
  final Optional<GoldenSet> test;
  final RunDirectory run;
  final RunOptions options;
  final ModelSetup models;
  final ScorerSetup scoring;
  final TrafficControl traffic;
  final AgentConnection connection;
  final SqlFollowup followup;
  /** the run folder, new or resumed ({@code --resume}) */
  final RunFolder folder;
  /** present with --execute-on bigquery */
  final Optional<BigQueryWiring> bigQuery;
  /** run.json as the run began */
  final RunManifest manifest;
  /** {@code --keep-raw}: every raw stream saved under raw/ of the run folder. */
  final boolean keepRaw;
  private final List<ConversationRunner> runners = new java.util.concurrent.CopyOnWriteArrayList<>();

  private RunSetup(Optional<AgentConfig> config, GoldenSet train, Optional<GoldenSet> test, RunFolder folder,
      RunOptions options, ModelSetup models, ScorerSetup scoring, TrafficControl traffic,
      AgentConnection connection, SqlFollowup followup, RunManifest manifest, Optional<BigQueryWiring> bigQuery,
      boolean keepRaw) {
    this.bigQuery = bigQuery;
    this.config = config;
    this.train = train;
    this.test = test;
    this.folder = folder;
    this.run = folder.directory();
    this.options = options;
    this.models = models;
    this.scoring = scoring;
    this.traffic = traffic;
    this.connection = connection;
    this.followup = followup;
    this.manifest = manifest;
    this.keepRaw = keepRaw;
  }

  /** Said at the start, in the summary and in the reports of a run that cannot execute SQL. */
  static final String NO_EXECUTION = "SQL is not executed: no local tables and no judge; only exact matches can "
      + "pass, every other answer stays undecided — give --data or set JUDGEMENT_MODEL";

  /** Prints the run's warnings again, after its summary. */
  void printWarnings(java.io.PrintWriter out) {
    manifest.warnings().forEach(w -> out.println("WARNING: " + w));
  }

  /** Loads and checks every input before anything is started or written, then opens the run. */
  static RunSetup open(RunOptionsMixin flags, String command, CommandLines.Given commandLine,
      Function<String, Optional<String>> env, RunListener listener) {
    return open(flags, Map.of(), command, commandLine, env, listener);
  }

  /** As above, recording {@code commandFlags} (flags of the command beyond the run flags) in run.json. */
  static RunSetup open(RunOptionsMixin flags, Map<String, String> commandFlags, String command,
      CommandLines.Given commandLine, Function<String, Optional<String>> env, RunListener listener) {
    if (flags.goldenSet == null) {
      throw new InputException("--golden-set is required (or --resume RUN_DIR, which takes it from run.json)");
    }
    Optional<AgentConfig> config = Optional.ofNullable(flags.configFile).map(AgentConfigLoader::load);
    GoldenSet train = GoldenSetLoader.load(flags.goldenSet);
    Optional<GoldenSet> test = Optional.ofNullable(flags.testSet).map(GoldenSetLoader::load);
    SqlFollowup followup = SqlFollowup.parse(flags.sqlFollowup);
    RunOptions options = runOptions(flags);
    ScorerSetup.JudgeUse judgeUse = ScorerSetup.JudgeUse.parse(flags.judge);
    dev.diaharness.sql.ComparisonPolicy comparison = dev.diaharness.sql.ComparisonPolicy.parse(flags.comparison);
    EmulatorSettings emulator = flags.emulator.settings(flags.seed, EmbeddedEmulatorFlags.Names.EMBEDDED);
    if (flags.embedded && config.isEmpty()) {
      throw new InputException("--embedded needs --config-file: the emulator starts with that config");
    }
    ModelSetup models = ModelSetup.from(env, Optional.ofNullable(flags.maxUsd), flags.noJudgeCache);
    models.roles.notice().ifPresent(listener::note);
    Optional<Path> data = Optional.ofNullable(flags.data).or(() -> config.flatMap(AgentConfig::localData));
    Optional<BigQueryWiring> bigQuery = BigQueryWiring.from(flags.bigQuery, models.ledger, models.budget, env);
    // with Google as the target, its settings are input: checked before anything starts
    Optional<BigQueryQueries> remoteBigQuery = bigQuery.filter(b -> !flags.embedded)
        .map(b -> BigQueryWiring.connect(BigQuerySettings.from(env, config)));
    bigQuery.ifPresent(b -> listener.note(BigQueryWiring.variantsNote(data.isPresent() && flags.variants > 0,
        flags.variants)));
    List<String> warnings = new ArrayList<>();
    if (data.isEmpty() && bigQuery.isEmpty() && (judgeUse == ScorerSetup.JudgeUse.NEVER || models.judgeStage().isEmpty())) {
      warnings.add(NO_EXECUTION);
      listener.note("WARNING: " + NO_EXECUTION);
    }
    ScorerSetup scoring = ScorerSetup.open(data, flags.variants, flags.seed, models.judgeStage(), judgeUse,
        comparison, bigQuery.map(BigQueryWiring::remoteBase));
    RunFolder folder;
    try {
      folder = runFolder(flags); // only once every input loaded: bad input leaves no empty run folder
    } catch (RuntimeException e) {
      scoring.close();
      throw e;
    }
    TrafficControl traffic = new TrafficControl(options.rateLimitQps(), 2 * options.maxWorkers(), Ticker.SYSTEM);
    traffic.listen(listener);
    AgentConnection connection;
    try {
      connection = flags.embedded
          ? AgentConnection.embedded(config.get(), Optional.ofNullable(flags.data), emulator, traffic)
          : AgentConnection.remote(env, Optional.ofNullable(flags.agentId), config, traffic);
      connection.retaining(flags.keepRaw, flags.keepSessions);
    } catch (RuntimeException e) {
      scoring.close();
      throw e;
    }
    try {
      // --embedded points BigQuery at the emulator's BigQuery face
      AgentConnection started = connection;
      String runId = folder.directory().root().getFileName().toString();
      bigQuery.ifPresent(b -> b.bind(remoteBigQuery.orElseGet(() -> BigQueryWiring.connect(BigQuerySettings.embedded(
          started.emulator().orElseThrow().server().bigQueryUrl(), started.emulator().get().projectId(),
          config.get()))), runId));
    } catch (RuntimeException e) {
      connection.close();
      scoring.close();
      throw e;
    }
    RunManifest fresh = new RunManifest(RunManifest.CURRENT_VERSION, folder.directory().root().getFileName().toString(),
        command, commandLine.line(), connection.agentId(), config.map(AgentConfig::name).orElse(""), flags.embedded,
        Clock.systemUTC().instant(), null, models.describe(), flagsOf(flags, commandFlags), null, commandLine.args(),
        Path.of("").toAbsolutePath().toString(), warnings);
    RunManifest manifest = folder.begin(fresh);
    return new RunSetup(config, train, test, folder, options, models, scoring, traffic, connection, followup,
        manifest, bigQuery, flags.keepRaw);
  }

  /** The console lines on model and BigQuery usage. */
  java.util.List<String> usageLines() {
    java.util.List<String> lines = new java.util.ArrayList<>();
    models.usageLine().ifPresent(lines::add);
    bigQuery.ifPresent(b -> lines.add(b.usageLine()));
    return lines;
  }

  private static RunOptions runOptions(RunOptionsMixin flags) {
    try {
      return new RunOptions(flags.numRepeats, flags.maxWorkers, Optional.ofNullable(flags.rateLimit),
          Duration.ofSeconds(flags.itemTimeoutSeconds), flags.retryErrors)
          .withMaxRetries(flags.maxRetries)
          .withShareWorkers(!flags.noShareWorkers);
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage());
    }
  }

  private static RunFolder runFolder(RunOptionsMixin flags) {
    return flags.resume != null ? RunFolder.resume(flags.resume)
        : RunFolder.create(flags.resultsDir, flags.clearPriorResults, LocalDateTime.now());
  }

  private static Map<String, String> flagsOf(RunOptionsMixin f, Map<String, String> commandFlags) {
    Map<String, String> m = new LinkedHashMap<>(commandFlags);
    m.put("num_repeats", Integer.toString(f.numRepeats));
    m.put("max_workers", Integer.toString(f.maxWorkers));
    m.put("max_retries", Integer.toString(f.maxRetries));
    m.put("share_workers", Boolean.toString(!f.noShareWorkers));
    m.put("embedded", Boolean.toString(f.embedded));
    m.put("sql_followup", f.sqlFollowup);
    m.put("seed", Long.toString(f.seed));
    m.put("variants", Integer.toString(f.variants));
    m.put("judge", f.judge);
    if (f.bigQuery.onBigQuery()) {
      m.put("execute_on", f.bigQuery.executeOn);
      m.put("max_bytes_billed", Long.toString(f.bigQuery.maxBytesBilled));
    }
    m.put("comparison", f.comparison);
    Optional.ofNullable(f.rateLimit).ifPresent(r -> m.put("rate_limit", r.toString()));
    Optional.ofNullable(f.maxUsd).ifPresent(r -> m.put("max_usd", r.toString()));
    Optional.ofNullable(f.configFile).ifPresent(p -> m.put("config_file", p.toString()));
    m.put("golden_set", f.goldenSet.toString());
    Optional.ofNullable(f.testSet).ifPresent(p -> m.put("test_set", p.toString()));
    return m;
  }

  /**
   * Conversations with the run's agent under the run's one traffic control, for candidate screening: the same
   * limiter, retry budget and item timeout as the evaluations. Closed with the setup.
   */
  ConversationRunner screeningConversations() {
    return screeningConversations(connection.agentId());
  }

  /** As {@link #screeningConversations()}, with another agent of the engine (a pool agent). */
  ConversationRunner screeningConversations(String agentId) {
    ConversationRunner runner = new ConversationRunner(connection.agent(followup, agentId), traffic,
        options.itemTimeout(), options.maxRetries(), options.backoff(), Ticker.SYSTEM);
    runners.add(runner);
    return runner;
  }

  /** The evaluations of this run (close it before the setup). */
  RunEvaluation evaluation(RunListener listener) {
    return new RunEvaluation(run, connection.agent(followup), scoring.scorer(), traffic, options, listener,
        train.cases(), test.map(GoldenSet::cases), Clock.systemUTC(), keepRaw);
  }

  /** Rewrites run.json with how the run ended, and the usage totals into metrics.json. */
  void end(String reason, RunEvaluation evaluation) {
    evaluation.recordUsage(models.usageByRole(), models.ledger.spentUsd());
    folder.end(manifest, Clock.systemUTC().instant(), reason);
  }

  @Override
  public void close() {
    runners.forEach(ConversationRunner::close);
    try {
      connection.close();
    } finally {
      scoring.close();
    }
  }
}
