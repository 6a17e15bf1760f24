package dev.diaharness.scoring;

import dev.diaharness.sql.BigQueryExecutor;
import dev.diaharness.sql.ComparisonPolicy;
import dev.diaharness.sql.DatabaseVariants;
import dev.diaharness.sql.EmbeddedDatabase;
import dev.diaharness.sql.SandboxedExecutor;
import dev.diaharness.sql.TableFolderLoader;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the scorer of a run or of {@code score} from where the tables are: no SQL → exact match → execution on the local tables and their variants
 * (when there are tables) → the judge (when configured). Close it to free the databases.
 */
public final class ScorerSetup implements AutoCloseable {
  private final Scorer scorer;
  private final Optional<EmbeddedDatabase> database;
  private final Optional<DatabaseVariants> variants;
  private final Optional<SandboxedExecutor> executor;
  private final Optional<VariantExecutorCache> variantExecutors;

  private ScorerSetup(Scorer scorer, Optional<EmbeddedDatabase> database, Optional<DatabaseVariants> variants,
      Optional<SandboxedExecutor> executor, Optional<VariantExecutorCache> variantExecutors) {
    this.scorer = scorer;
    this.database = database;
    this.variants = variants;
    this.executor = executor;
    this.variantExecutors = variantExecutors;
  }

  /**
   * @param data     folder of tables; none = no execution (the judge, if any, decides what exact match cannot)
   * @param variantK database variants equal results must also agree on (0 = none)
   */
  public static ScorerSetup open(Optional<Path> data, int variantK, long seed, Optional<ScoringStage> judge) {
    return open(data, variantK, seed, judge, JudgeUse.AUTO);
  }

  /** When the judge is consulted. */
  public enum JudgeUse {
    AUTO, ALWAYS, NEVER;

    public static JudgeUse parse(String value) {
      try {
        return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new dev.diaharness.core.InputException("--judge must be auto, always or never, got '" + value + "'");
      }
    }
  }

  public static ScorerSetup open(Optional<Path> data, int variantK, long seed, Optional<ScoringStage> configuredJudge,
      JudgeUse use) {
    return open(data, variantK, seed, configuredJudge, use, ComparisonPolicy.LENIENT);
  }

  /** @param policy how results are compared ({@code --comparison}; docs/scoring.md) */
  public static ScorerSetup open(Optional<Path> data, int variantK, long seed, Optional<ScoringStage> configuredJudge,
      JudgeUse use, ComparisonPolicy policy) {
    return open(data, variantK, seed, configuredJudge, use, policy, Optional.empty());
  }

  /**
   * Where the expected and generated SQL run when not on the local tables ({@code --execute-on bigquery}).
   *
   * @param expected runs expected SQL (may cache it); {@code answers} runs generated SQL on the same data
   * @param where names that data in evidence, e.g. "BigQuery"
   */
  public record RemoteBase(BigQueryExecutor expected, BigQueryExecutor answers, String where) {}

  /**
   * @param remote when present, both queries run there and the local tables (if any) only give the variants
   */
  public static ScorerSetup open(Optional<Path> data, int variantK, long seed, Optional<ScoringStage> configuredJudge,
      JudgeUse use, ComparisonPolicy policy, Optional<RemoteBase> remote) {
    Optional<ScoringStage> judge = use == JudgeUse.NEVER ? Optional.empty() : configuredJudge;
    List<ScoringStage> stages = new ArrayList<>(List.of(new NoSqlStage(), new ReadOnlyStage(),
        new ExactMatchStage()));
    Optional<EmbeddedDatabase> database = data.map(folder -> new TableFolderLoader().load(folder));
    // variants copy the base tables before the sandbox locks the base database down
    Optional<DatabaseVariants> variants = database.filter(db -> variantK > 0)
        .map(db -> new DatabaseVariants(db, variantK, seed, variantCacheSize(db, variantK)));
    Optional<SandboxedExecutor> executor = database.map(SandboxedExecutor::new);
    Optional<VariantExecutorCache> variantExecutors = variants.map(VariantExecutorCache::new);
    VariantExecutors onVariants = variantExecutors.<VariantExecutors>map(v -> v).orElse(VariantExecutors.NONE);
    if (remote.isPresent()) {
      RemoteBase r = remote.get();
      stages.add(new ExecutionStage(r.expected(), r.answers(), r.where(), onVariants, policy));
    } else {
      executor.ifPresent(base -> stages.add(new ExecutionStage(base, onVariants, policy)));
    }
    judge.ifPresent(stages::add);
    Scorer pipeline = new ScoringPipeline(stages);
    Scorer scorer = use == JudgeUse.ALWAYS && judge.isPresent() ? new JudgeAlongside(pipeline, judge.get()) : pipeline;
    return new ScorerSetup(scorer, database, variants, executor, variantExecutors);
  }

  /** How many literal sets keep their variant databases ({@link DatabaseVariants#cacheSizeFor}). */
  public static int variantCacheSize(EmbeddedDatabase db, int variantK) {
    return DatabaseVariants.cacheSizeFor(db.tables(), variantK, DatabaseVariants.DEFAULT_SAMPLE_ROWS);
  }

  public Scorer scorer() {
    return scorer;
  }

  /** The sandboxed executor on the local tables, when there are tables. */
  public Optional<SandboxedExecutor> executor() {
    return executor;
  }

  public Optional<EmbeddedDatabase> database() {
    return database;
  }

  @Override
  public void close() {
    executor.ifPresent(SandboxedExecutor::close);
    variantExecutors.ifPresent(VariantExecutorCache::close);
    variants.ifPresent(DatabaseVariants::close);
    database.ifPresent(db -> {
      try {
        db.close();
      } catch (SQLException ignored) {
        // closing an in-memory database cannot lose anything
      }
    });
  }
}
