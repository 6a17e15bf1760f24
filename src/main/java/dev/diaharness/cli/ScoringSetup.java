package dev.diaharness.cli;

import dev.diaharness.scoring.ExactMatchStage;
import dev.diaharness.scoring.ExecutionStage;
import dev.diaharness.scoring.JudgeAlongside;
import dev.diaharness.scoring.NoSqlStage;
import dev.diaharness.scoring.Scorer;
import dev.diaharness.scoring.ScoringPipeline;
import dev.diaharness.scoring.ScoringStage;
import dev.diaharness.scoring.VariantExecutors;
import dev.diaharness.sql.DatabaseVariants;
import dev.diaharness.sql.EmbeddedDatabase;
import dev.diaharness.sql.SandboxedExecutor;
import dev.diaharness.sql.TableFolderLoader;
import dev.diaharness.sql.VariantDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The scorer of a run or of {@code score}: no SQL → exact match → execution on the local tables and their variants
 * (when there are tables) → the judge (when configured). Close it to free the databases.
 */
final class ScoringSetup implements AutoCloseable {
  private final Scorer scorer;
  private final Optional<EmbeddedDatabase> database;
  private final Optional<DatabaseVariants> variants;
  private final Optional<SandboxedExecutor> executor;

  private ScoringSetup(Scorer scorer, Optional<EmbeddedDatabase> database, Optional<DatabaseVariants> variants,
      Optional<SandboxedExecutor> executor) {
    this.scorer = scorer;
    this.database = database;
    this.variants = variants;
    this.executor = executor;
  }

  /**
   * @param data     folder of tables; none = no execution (the judge, if any, decides what exact match cannot)
   * @param variantK database variants equal results must also agree on (0 = none)
   */
  static ScoringSetup open(Optional<Path> data, int variantK, long seed, Optional<ScoringStage> judge) {
    return open(data, variantK, seed, judge, JudgeUse.AUTO);
  }

  /** When the judge is consulted. */
  enum JudgeUse {
    AUTO, ALWAYS, NEVER;

    static JudgeUse parse(String value) {
      try {
        return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new dev.diaharness.core.InputException("--judge must be auto, always or never, got '" + value + "'");
      }
    }
  }

  static ScoringSetup open(Optional<Path> data, int variantK, long seed, Optional<ScoringStage> configuredJudge,
      JudgeUse use) {
    Optional<ScoringStage> judge = use == JudgeUse.NEVER ? Optional.empty() : configuredJudge;
    List<ScoringStage> stages = new ArrayList<>(List.of(new NoSqlStage(), new ExactMatchStage()));
    Optional<EmbeddedDatabase> database = data.map(folder -> new TableFolderLoader().load(folder));
    // variants copy the base tables before the sandbox locks the base database down
    Optional<DatabaseVariants> variants = database.filter(db -> variantK > 0)
        .map(db -> new DatabaseVariants(db, variantK, seed));
    Optional<SandboxedExecutor> executor = database.map(SandboxedExecutor::new);
    executor.ifPresent(base -> stages.add(new ExecutionStage(base, variants.map(ScoringSetup::executors)
        .orElse(VariantExecutors.NONE))));
    judge.ifPresent(stages::add);
    Scorer pipeline = new ScoringPipeline(stages);
    Scorer scorer = use == JudgeUse.ALWAYS && judge.isPresent() ? new JudgeAlongside(pipeline, judge.get()) : pipeline;
    return new ScoringSetup(scorer, database, variants, executor);
  }

  /** One sandboxed executor per variant database, made on first use and kept while the variant lives. */
  private static VariantExecutors executors(DatabaseVariants variants) {
    Map<VariantDatabase, SandboxedExecutor> byVariant = Collections.synchronizedMap(new WeakHashMap<>());
    return (expected, generated) -> variants.variantsFor(expected, generated).stream()
        .map(v -> new VariantExecutors.Variant(v.description(),
            byVariant.computeIfAbsent(v, x -> new SandboxedExecutor(x.database()))))
        .toList();
  }

  Scorer scorer() {
    return scorer;
  }

  /** The sandboxed executor on the local tables, when there are tables. */
  Optional<SandboxedExecutor> executor() {
    return executor;
  }

  Optional<EmbeddedDatabase> database() {
    return database;
  }

  @Override
  public void close() {
    executor.ifPresent(SandboxedExecutor::close);
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
