package dev.diaharness.scoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.diaharness.sql.DatabaseVariants;
import dev.diaharness.sql.SandboxedExecutor;
import dev.diaharness.sql.VariantDatabase;
import java.util.List;
import java.util.Optional;

/**
 * One sandboxed executor (and its connection pool) per live variant database, made on first use. The cache holds
 * its keys weakly: once {@link DatabaseVariants} has evicted a variant and no {@link VariantExecutors.Variant} refers
 * to it any more (each holds its variant for as long as it is used), the entry goes and the removal listener closes
 * the executor. So the number of executors follows the variants' own bound, and an executor is never closed while a
 * scoring thread still holds it. {@link #close()} closes every executor. Thread-safe.
 */
final class VariantExecutorCache implements VariantExecutors, AutoCloseable {
  private final DatabaseVariants variants;
  private final Cache<VariantDatabase, SandboxedExecutor> executors = Caffeine.newBuilder()
      .weakKeys()
      .executor(Runnable::run) // the listener runs on the thread that triggers it, not on the common pool
      .<VariantDatabase, SandboxedExecutor>removalListener((variant, executor, cause) -> {
        if (executor != null) {
          executor.close();
        }
      })
      .build();

  VariantExecutorCache(DatabaseVariants variants) {
    this.variants = variants;
  }

  @Override
  public List<Variant> variantsFor(String expectedSql, String generatedSql) {
    return variants.variantsFor(expectedSql, generatedSql).stream().map(this::executorOf).toList();
  }

  @Override
  public Optional<Variant> shuffled() {
    return Optional.of(executorOf(variants.shuffled()));
  }

  private Variant executorOf(VariantDatabase v) {
    return new Variant(v.description(), executors.get(v, x -> new SandboxedExecutor(x.database())), v);
  }

  /** Executors alive now (after pending removals). */
  long size() {
    executors.cleanUp();
    return executors.estimatedSize();
  }

  /** Closes every executor. */
  @Override
  public void close() {
    executors.invalidateAll();
    executors.cleanUp();
  }
}
