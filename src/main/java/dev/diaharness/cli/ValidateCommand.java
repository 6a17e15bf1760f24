package dev.diaharness.cli;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.config.ConfigHash;
import dev.diaharness.config.Environment;
import dev.diaharness.config.VariableExpander;
import dev.diaharness.core.InputException;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.dataset.GoldenSet;
import dev.diaharness.dataset.GoldenSetLoader;
import dev.diaharness.dataset.SetChecks;
import dev.diaharness.bigquery.BigQuerySettings;
import dev.diaharness.llm.PriceTable;
import dev.diaharness.llm.UsageLedger;
import dev.diaharness.sql.BigQueryExecutor;
import dev.diaharness.sql.EmbeddedDatabase;
import dev.diaharness.sql.SandboxedExecutor;
import dev.diaharness.sql.TableFolderLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code validate}: loads every input (.env, config, golden set, test set, local tables) and prints what it found,
 * with warnings (unset {@code ${VAR}}, repeated questions, train/test leakage), then runs every expected SQL on the
 * local tables. Independent input problems are all reported, one {@code error:} line each, then exit 2; expected SQL
 * that fails or returns no rows is listed by question, then exit 1 (the golden set fails its own check).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Load the config, the golden set (and test set) and the local tables; print what was found, "
        + "or the problems.")
final class ValidateCommand implements Callable<Integer> {
  private static final int MAX_IDS_SHOWN = 6;

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Mixin ExecuteOnMixin bigQueryFlags;

  @Option(names = "--config-file", paramLabel = "FILE", required = true, description = "Agent config (JSON).")
  Path configFile;

  @Option(names = "--golden-set", paramLabel = "FILE", required = true,
      description = "Training set (.json, .jsonl, .csv, .xlsx).")
  Path goldenSet;

  @Option(names = "--test-set", paramLabel = "FILE", description = "Held-out set (.json, .jsonl, .csv, .xlsx).")
  Path testSet;

  @Mixin DataFolderMixin dataFolder;

  /** Where {@code --execute-on bigquery} reads its settings and credentials; null: the environment loaded above. */
  java.util.function.Function<String, Optional<String>> environment;

  private final List<String> problems = new ArrayList<>();
  private int warnings;
  private int failingQueries;
  /** where the expected SQL ran: the local data, or BigQuery */
  private String where = "the local data";
  private PrintWriter out;

  @Override
  public Integer call() {
    out = spec.commandLine().getOut();
    Optional<Environment> loaded = attempt(Environment::load);
    Environment env = loaded.orElseGet(() -> Environment.of(System.getenv()));
    if (loaded.isPresent()) {
      printEnvironment(env);
    } else {
      out.println(".env: " + Path.of(".env").toAbsolutePath() + " cannot be read (the error is below); the real "
          + "environment is used alone");
    }
    Optional<AgentConfig> config = attempt(() -> AgentConfigLoader.load(configFile));
    config.ifPresent(c -> printConfig(c, new VariableExpander(env)));
    Optional<GoldenSet> train = loadSet("golden set", goldenSet);
    Optional<GoldenSet> test = Optional.ofNullable(testSet).flatMap(file -> loadSet("test set", file));
    if (train.isPresent() && test.isPresent()) {
      warnAboutLeakage(train.get(), test.get());
    }
    Map<String, GoldenSet> sets = new LinkedHashMap<>();
    train.ifPresent(set -> sets.put("golden set", set));
    test.ifPresent(set -> sets.put("test set", set));
    if (attempt(bigQueryFlags::onBigQuery).orElse(false)) {
      attempt(() -> {
        checkSetsOnBigQuery(env, config, sets);
        return true;
      });
    } else {
      checkData(config, sets);
    }
    return finish();
  }

  private Integer finish() {
    if (problems.isEmpty() && failingQueries > 0) {
      spec.commandLine().getErr().println("validate: " + failingQueries + " expected SQL quer"
          + (failingQueries == 1 ? "y fails or returns" : "ies fail or return") + " no rows on " + where + " "
          + "(listed above)");
      return ExitCode.GATE_FAILED.code();
    }
    if (problems.isEmpty()) {
      out.println("OK: the inputs load" + (warnings == 0 ? "" : " (" + warnings + " warning"
          + (warnings == 1 ? "" : "s") + ")"));
      return ExitCode.OK.code();
    }
    PrintWriter err = spec.commandLine().getErr();
    problems.forEach(problem -> err.println("error: " + problem));
    return ExitCode.BAD_INPUT.code();
  }

  /** Runs one independent load; a bad input is recorded as a problem and the other loads go on. */
  private <T> Optional<T> attempt(Supplier<T> load) {
    try {
      return Optional.of(load.get());
    } catch (InputException e) {
      problems.add(e.getMessage());
      if (common.verbose) {
        e.printStackTrace(spec.commandLine().getErr());
      }
      return Optional.empty();
    }
  }

  private void warn(String message) {
    warnings++;
    out.println("WARNING: " + message);
  }

  private void printEnvironment(Environment env) {
    out.println(env.dotEnvFile()
        .map(f -> ".env: " + f.toAbsolutePath() + " (" + env.dotEnvNames().size() + " variables)")
        .orElse(".env: none in the working directory (real environment only)"));
  }

  private void printConfig(AgentConfig c, VariableExpander expander) {
    out.println("config: " + configFile);
    field("name", c.name());
    field("display name", c.displayName());
    field("description", size(c.description()));
    field("tool_description", size(c.toolDescription()));
    field("nl2sql_prompt", size(c.nl2sqlPrompt()));
    field("schema_description", size(c.schemaDescription()));
    field("nl2py_prompt", size(c.nl2pyPrompt()));
    field("nl2sql_examples", String.valueOf(c.nl2sqlExamples().size()));
    field("allowed_tables", c.allowedTables().isEmpty() ? "(none: every table)" : String.join(", ", c.allowedTables()));
    field("bq_project_id", bqId(c.bqProjectId(), () -> expander.bqProjectId(c)));
    field("bq_dataset_id", bqId(c.bqDatasetId(), () -> expander.bqDatasetId(c)));
    field("local_data", c.localData().map(Path::toString).orElse("(none)"));
    field("config hash", ConfigHash.of(c));
    expander.unresolved(c).forEach(u -> warn(u.describe() + " (needed to deploy; set it in the environment or .env)"));
  }

  private void field(String name, String value) {
    out.printf("  %-20s %s%n", name + ":", value);
  }

  private static String size(String text) {
    return text.isEmpty() ? "(empty)" : text.length() + " chars";
  }

  /** The raw value and, when its placeholders resolve, what it expands to. */
  private static String bqId(String raw, Supplier<String> expanded) {
    String shown = raw.isEmpty() ? "(empty: from the environment)" : raw;
    try {
      String value = expanded.get();
      return value.equals(raw) ? shown : shown + " -> " + value;
    } catch (InputException unset) {
      return shown + " (unresolved)";
    }
  }

  private Optional<GoldenSet> loadSet(String label, Path file) {
    Optional<GoldenSet> set = attempt(() -> GoldenSetLoader.load(file));
    set.ifPresent(s -> {
      out.println(label + ": " + file + ": " + s.size() + " question" + (s.size() == 1 ? "" : "s"));
      out.println("  ids: " + compact(s.cases().stream().map(GoldenCase::id).toList()));
      SetChecks.repeatedQuestions(s).forEach((question, ids) ->
          warn(label + " asks the same question under ids " + String.join(", ", ids) + ": '" + question + "'"));
    });
    return set;
  }

  private static String compact(List<String> ids) {
    if (ids.size() <= MAX_IDS_SHOWN) {
      return String.join(", ", ids);
    }
    return String.join(", ", ids.subList(0, 3)) + ", ... , "
        + String.join(", ", ids.subList(ids.size() - 2, ids.size()));
  }

  private void warnAboutLeakage(GoldenSet train, GoldenSet test) {
    List<GoldenCase> shared = SetChecks.shared(train, test);
    if (!shared.isEmpty()) {
      warn(shared.size() + " question" + (shared.size() == 1 ? " of the test set is" : "s of the test set are")
          + " also in the golden set (leakage: the test set no longer measures generalisation): "
          + compact(shared.stream().map(c -> "'" + c.question() + "'").toList()));
    }
  }

  private void checkData(Optional<AgentConfig> config, Map<String, GoldenSet> sets) {
    Optional<Path> folder = dataFolder.folder(config);
    if (folder.isEmpty()) {
      out.println(dataFolder.given().isEmpty() && config.isEmpty()
          ? "data: not checked (the config did not load and no --data)"
          : "data: none (no --data and no local_data in the config): execution-based scoring is off");
      return;
    }
    String source = dataFolder.given().isPresent() ? "" : configFile + " field 'local_data': ";
    attempt(() -> loadTables(folder.get(), source)).ifPresent(db -> {
      try (EmbeddedDatabase database = db) {
        printTables(folder.get(), database.tables());
        checkSetsOnData(database, sets);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot close the embedded database", e);
      }
    });
  }

  /** The tables of the folder; a problem names the config field when the folder came from the config. */
  private static EmbeddedDatabase loadTables(Path folder, String source) {
    try {
      return new TableFolderLoader().load(folder);
    } catch (InputException e) {
      throw source.isEmpty() ? e : new InputException(source + e.getMessage(), e);
    }
  }

  private void printTables(Path folder, Map<String, Long> tables) {
    out.println("data: " + folder + ": " + tables.size() + " table" + (tables.size() == 1 ? "" : "s"));
    new java.util.TreeMap<>(tables).forEach((table, rows) -> out.printf("  %-20s %d rows%n", table, rows));
  }

  /**
   * Runs every expected SQL of the sets (and each alternative) on the tables, sandboxed, and lists by question the
   * ones that fail or return no rows; they make validate exit 1. SQL the local engine cannot run is a warning.
   */
  private void checkSetsOnData(EmbeddedDatabase database, Map<String, GoldenSet> sets) {
    try (SandboxedExecutor sandbox = new SandboxedExecutor(database)) {
      checkSets(sandbox, sets);
    }
  }

  /** {@code --execute-on bigquery}: each expected SQL dry-run, then run on BigQuery (results cached across runs). */
  private void checkSetsOnBigQuery(Environment env, Optional<AgentConfig> config, Map<String, GoldenSet> sets) {
    where = "BigQuery";
    java.util.function.Function<String, Optional<String>> lookup = environment != null ? environment : env::get;
    UsageLedger ledger = new UsageLedger(PriceTable.fromEnvironment(lookup));
    BigQueryWiring wiring = BigQueryWiring.from(bigQueryFlags, ledger, Optional.empty(), lookup).orElseThrow();
    wiring.bind(BigQueryWiring.connect(BigQuerySettings.from(lookup, config)),
        "validate_" + DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").format(LocalDateTime.now()));
    checkSets(wiring.remoteBase().expected(), sets);
    out.println(wiring.usageLine());
  }

  private void checkSets(BigQueryExecutor sandbox, Map<String, GoldenSet> sets) {
    if (sets.isEmpty()) {
      return;
    }
    List<String> failures = new ArrayList<>();
    int queries = 0;
    {
      for (Map.Entry<String, GoldenSet> set : sets.entrySet()) {
        for (GoldenCase c : set.getValue().cases()) {
          List<String> all = new ArrayList<>(List.of(c.expectedSql()));
          all.addAll(c.alternatives());
          for (int i = 0; i < all.size(); i++) {
            queries++;
            String where = set.getKey() + " " + c.id() + (i == 0 ? "" : " (alternative " + i + ")") + " '"
                + shorten(c.question()) + "'";
            ExpectedSqlCheck.problem(sandbox.executeBigQuery(all.get(i))).ifPresent(p -> {
              if (p.unsupported()) {
                warn(where + ": the expected SQL cannot be run " + (this.where.equals("BigQuery") ? "on BigQuery"
                    : "locally") + ": " + p.reason());
              } else {
                failures.add(where + ": " + p.reason());
              }
            });
          }
        }
      }
    }
    failingQueries = failures.size();
    out.println("expected SQL on " + where + ": " + (queries - failures.size()) + " of " + queries
        + " quer" + (queries == 1 ? "y runs and returns rows" : "ies run and return rows"));
    failures.forEach(f -> out.println("  FAILS " + f));
  }

  private static String shorten(String question) {
    return question.length() <= 60 ? question : question.substring(0, 57) + "...";
  }

}
