package dev.diaharness.cli;

import dev.diaharness.bigquery.BigQueryQueries;
import dev.diaharness.bigquery.BigQuerySettings;
import dev.diaharness.bigquery.DatasetPull;
import dev.diaharness.bigquery.PullManifest;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.core.AtomicFiles;
import dev.diaharness.core.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code data pull}: copies the config's BigQuery dataset (or {@code --tables}) to Parquet files and a
 * {@code _pull.json} manifest, whole tables up to {@code --max-rows}, join-preserving samples beyond. Shows the
 * bytes it will read and asks first unless {@code --yes}; one progress line per table.
 */
@Command(name = "pull", mixinStandardHelpOptions = true,
    description = {"Copy a BigQuery dataset's tables to local Parquet (whole up to --max-rows, a join-preserving "
        + "sample beyond), with a _pull.json manifest.",
        "Example: dia-harness data pull --config-file my_config.json --max-rows 100000"})
final class DataPullCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--config-file", paramLabel = "FILE",
      description = "Config whose bq_project_id / bq_dataset_id to pull (else BQ_PROJECT_ID / BQ_DATASET_ID), "
          + "whose schema description names the join keys, and whose local_data is the default --out.")
  Path configFile;

  @Option(names = "--tables", paramLabel = "A,B", split = ",",
      description = "Tables to pull (default: every table of the dataset).")
  List<String> tables;

  @Option(names = "--max-rows", paramLabel = "N", defaultValue = "100000",
      description = "Tables up to N rows come whole; larger ones are sampled to about N rows (default: "
          + "${DEFAULT-VALUE}).")
  long maxRows;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Folder to write to (default: the config's local_data, else data/).")
  Path out;

  @Option(names = "--yes", description = "Do not ask before reading.")
  boolean yes;

  @Option(names = "--max-bytes-billed", paramLabel = "BYTES", defaultValue = "1000000000",
      description = "Cap of each sampling query (default: ${DEFAULT-VALUE}).")
  long maxBytesBilled;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of the random blocks of a sample (default: ${DEFAULT-VALUE}).")
  long seed;

  /** The environment (real over .env); tests replace it. */
  Function<String, Optional<String>> environment = ProcessEnvironment.LOOKUP;
  /** Where the confirmation is read from; tests replace it. */
  BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

  @Override
  public Integer call() throws Exception {
    if (maxRows < 1) {
      throw new InputException("--max-rows must be >= 1, got " + maxRows);
    }
    Optional<AgentConfig> config = Optional.ofNullable(configFile).map(AgentConfigLoader::load);
    Path folder = Optional.ofNullable(out).or(() -> config.flatMap(AgentConfig::localData)).orElse(Path.of("data"));
    BigQuerySettings settings = BigQuerySettings.from(environment, config);
    BigQueryQueries queries = BigQueryWiring.connect(settings);
    String runId = "pull_" + DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").format(LocalDateTime.now());
    DatasetPull pull = new DatasetPull(queries, maxBytesBilled, runId, seed);
    List<DatasetPull.TablePlan> plan = pull.plan(tables == null ? List.of() : tables, maxRows);
    PrintWriter o = spec.commandLine().getOut();
    long bytes = plan.stream().mapToLong(DatasetPull.TablePlan::bytes).sum();
    o.printf(Locale.ROOT, "%s.%s: %d table(s), about %s to read (from table metadata)%n", settings.project(),
        settings.dataset(), plan.size(), megabytes(bytes));
    plan.forEach(p -> o.printf(Locale.ROOT, "  %-24s %,12d rows %12s  %s%n", p.table(), p.rows(),
        megabytes(p.bytes()), p.whole() ? "whole" : "sampled to about " + maxRows + " rows"));
    o.println("writing to " + folder.toAbsolutePath());
    o.flush();
    if (!yes && !confirmed(o)) {
      spec.commandLine().getErr().println("not pulled (answer y, or pass --yes)");
      return ExitCode.BAD_INPUT.code();
    }
    Files.createDirectories(folder);
    PrintWriter err = spec.commandLine().getErr();
    List<PullManifest.Table> written = pull.pull(plan, config.map(AgentConfig::schemaDescription).orElse(""),
        maxRows, folder, new TableProgress(err));
    long read = written.stream().mapToLong(PullManifest.Table::bytesRead).sum();
    PullManifest manifest = new PullManifest(PullManifest.CURRENT_VERSION, settings.project(), settings.dataset(),
        Instant.now(), maxRows, written, read);
    AtomicFiles.writeJson(folder.resolve("_pull.json"), manifest);
    written.forEach(t -> o.printf(Locale.ROOT, "  %-24s %,12d of %,d rows  %s%n", t.table(), t.rows(),
        t.sourceRows(), t.method()));
    o.println("wrote " + written.size() + " table(s) and _pull.json to " + folder + " (" + megabytes(read)
        + " read); score on them with --data " + folder + " or the config's local_data");
    return ExitCode.OK.code();
  }

  private boolean confirmed(PrintWriter o) throws IOException {
    o.print("Pull these tables? [y/N] ");
    o.flush();
    String answer = input.readLine();
    return answer != null && Arrays.asList("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  /** One progress bar per table, redrawn at each tenth (plain lines: works in logs and terminals alike). */
  private static final class TableProgress implements DatasetPull.Progress {
    private final PrintWriter err;
    private String table = "";
    private long shownTenth = -1;

    TableProgress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void rows(String name, long done, long total) {
      if (!name.equals(table)) {
        table = name;
        shownTenth = -1;
      }
      long tenth = total <= 0 ? 10 : Math.min(10, done * 10 / total);
      if (tenth == shownTenth) {
        return;
      }
      shownTenth = tenth;
      err.printf(Locale.ROOT, "  %-24s [%-10s] %3d%% %,d/%,d rows%n", name, "#".repeat((int) tenth), tenth * 10,
          done, total);
      err.flush();
    }
  }
}
