package dev.diaharness.cli;

import dev.diaharness.bigquery.BigQuerySettings;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.core.InputException;
import dev.diaharness.scoring.ScorerSetup;
import dev.diaharness.sql.ComparisonPolicy;
import dev.diaharness.scoring.ScoringInput;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Verdict;
import dev.diaharness.scoring.ScoringStage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code score}: scores SQL pairs without an agent, through the same pipeline as a run (no SQL → exact match →
 * execution on the local tables, or on BigQuery with {@code --execute-on bigquery}, and the variants → the judge,
 * when one is configured), and prints each verdict with its evidence. Exit 0 when every pair passed, 1 when any did
 * not (0 with {@code --exit-zero}), 2 on bad input. Generated SQL that is not one read-only query is refused
 * (PRED_ERROR), with or without tables.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = "Score SQL without an agent: one pair, or a JSON-lines file of pairs; print verdicts with evidence.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:every pair is PASS (or --exit-zero)", "1:a pair is not PASS (FAIL, UNDECIDED or ERROR)",
        "2:bad input (a file, row or field is named)", "3:internal error"})
final class ScoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ExecuteOnMixin bigQueryFlags;

  @Option(names = "--expected", paramLabel = "SQL", description = "The expected SQL.")
  String expected;

  @Option(names = "--generated", paramLabel = "SQL", description = "The SQL to score (empty: the answer had none).")
  String generated;

  @Option(names = "--pairs", paramLabel = "FILE",
      description = "JSON lines of {expected_sql, generated_sql, question?, question_id?}; other fields are ignored.")
  Path pairs;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Folder of tables to execute on (default: the config's local_data).")
  Path data;

  @Option(names = "--config-file", paramLabel = "FILE",
      description = "Config whose local_data to execute on (and whose schema description the judge reads).")
  Path configFile;

  @Option(names = "--json", description = "One JSON object per pair, one per line, in input order.")
  boolean json;

  @Option(names = "--variants", paramLabel = "K", defaultValue = "8",
      description = "Generated database variants an equal result must also agree on (default: ${DEFAULT-VALUE}).")
  int variants;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of the database variants (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--exit-zero", description = "Exit 0 whatever the verdicts (report only); by default a pair "
      + "that is not PASS makes the exit code 1.")
  boolean exitZero;

  @Option(names = "--comparison", paramLabel = "POLICY", defaultValue = "lenient",
      description = "How results are compared: lenient (Spider 2.0: extra columns, unasked rounding, numeric text, "
          + "tie-breaks accepted) or strict (BIRD) (default: ${DEFAULT-VALUE}).")
  String comparison;

  /** The environment (real over .env) the judge model comes from; tests replace it. */
  Function<String, Optional<String>> environment = ProcessEnvironment.LOOKUP;

  @Override
  public Integer call() {
    List<ScorePair> input = pairs();
    ComparisonPolicy policy = ComparisonPolicy.parse(comparison);
    if (variants < 0) {
      throw new InputException("--variants must be 0 or more, got " + variants);
    }
    Optional<AgentConfig> config = Optional.ofNullable(configFile).map(AgentConfigLoader::load);
    Optional<Path> tables = Optional.ofNullable(data).or(() -> config.flatMap(AgentConfig::localData));
    ModelSetup models = ModelSetup.from(environment, Optional.empty(), false);
    Optional<ScoringStage> judge = models.judgeStage();
    if (tables.isEmpty() && !bigQueryFlags.onBigQuery()) {
      // on stderr, so that --json output stays one object per line
      spec.commandLine().getErr().println("note: no tables (no --data and no local_data in a --config-file): "
          + "execution is off; exact match " + (judge.isPresent() ? "and the judge decide" : "decides, "
          + "everything else is UNDECIDED (no judge model configured)") + ".");
    }
    String schema = config.map(AgentConfig::schemaDescription).orElse("");
    PrintWriter out = spec.commandLine().getOut();
    ScoreOutput output = new ScoreOutput(out, json);
    Optional<BigQueryWiring> bigQuery = BigQueryWiring.from(bigQueryFlags, models.ledger, models.budget,
        environment);
    bigQuery.ifPresent(b -> {
      b.bind(BigQueryWiring.connect(BigQuerySettings.from(environment, config)),
          "score_" + DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").format(LocalDateTime.now()));
      spec.commandLine().getErr().println("note: " + BigQueryWiring.variantsNote(tables.isPresent() && variants > 0,
          variants));
    });
    long notPassed = 0;
    try (ScorerSetup scoring = ScorerSetup.open(tables, variants, seed, judge,
        ScorerSetup.JudgeUse.AUTO, policy, bigQuery.map(BigQueryWiring::remoteBase))) {
      for (ScorePair pair : input) {
        Optional<String> sql = Optional.of(pair.generatedSql());
        Verdict verdict = scoring.scorer().score(new ScoringInput(pair.goldenCase(), sql, "", "", schema));
        output.print(pair, verdict);
        notPassed += verdict.outcome() == Outcome.PASS ? 0 : 1;
      }
    }
    output.finish();
    bigQuery.ifPresent(b -> spec.commandLine().getErr().println(b.usageLine()));
    if (notPassed > 0 && !exitZero) {
      spec.commandLine().getErr().println(notPassed + " of " + input.size() + " pair(s) not PASS (exit 1; "
          + "--exit-zero to report only)");
      return ExitCode.GATE_FAILED.code();
    }
    return ExitCode.OK.code();
  }

  /** The pairs to score: from --pairs, or the one pair of --expected/--generated; not both. */
  private List<ScorePair> pairs() {
    if (pairs != null) {
      if (expected != null || generated != null) {
        throw new InputException("give either --pairs or --expected with --generated, not both");
      }
      return ScorePairsReader.read(pairs);
    }
    if (expected == null || generated == null) {
      throw new InputException("give --expected SQL with --generated SQL, or --pairs FILE");
    }
    if (expected.isBlank()) {
      throw new InputException("--expected: empty SQL");
    }
    return List.of(new ScorePair(1, expected, generated, Optional.empty(), Optional.empty()));
  }
}
