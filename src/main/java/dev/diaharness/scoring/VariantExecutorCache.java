package dev.diaharness.scoring;

import dev.diaharness.sql.DatabaseVariants;
import dev.diaharness.sql.SandboxedExecutor;
import dev.diaharness.sql.VariantDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One sandboxed executor (and its connection pool) per live variant database, made on first use. An executor's
 * connections keep its variant's DuckDB instance (a copy of the tables) alive, so it is closed as soon as {@link
 * DatabaseVariants} has dropped the variant from its cache and no scoring thread holds it: at once when nobody does
 * (told by {@link DatabaseVariants#onEvicted}), else when the last holder {@linkplain #release releases} it. (Left to
 * the garbage collector, dropped instances piled up in native memory while the heap stayed small: 12 GB resident at
 * 266,000 rows.) So the number of executors follows the variants' own bound, and an executor is never closed while a
 * scoring thread still uses it. {@link #close()} closes every executor. Thread-safe.
 */
final class VariantExecutorCache implements VariantExecutors, AutoCloseable {
  private final DatabaseVariants variants;
  /** the executor of each variant in use or cached, with how many {@link #variantsFor} callers hold it now */
  private final Map<VariantDatabase, Held> executors = new HashMap<>();
  private boolean closed;

  private static final class Held {
    final SandboxedExecutor executor;
    int holders;

    Held(SandboxedExecutor executor) {
      this.executor = executor;
    }
  }

  VariantExecutorCache(DatabaseVariants variants) {
    this.variants = variants;
    variants.onEvicted(this::evicted);
  }

  /** Hand the list back with {@link #release} when done with it. */
  @Override
  public List<Variant> variantsFor(String expectedSql, String generatedSql) {
    List<VariantDatabase> list = variants.variantsFor(expectedSql, generatedSql);
    List<Variant> out = new ArrayList<>(list.size());
    synchronized (this) {
      for (VariantDatabase v : list) {
        Held held = heldFor(v);
        held.holders++;
        out.add(new Variant(v.description(), held.executor, v));
      }
    }
    return out;
  }

  @Override
  public synchronized void release(List<Variant> used) {
    for (Variant variant : used) {
      if (variant.source() instanceof VariantDatabase v) {
        Held held = executors.get(v);
        if (held != null && --held.holders == 0 && v.isClosed()) {
          drop(v);
        }
      }
    }
  }

  @Override
  public boolean anyDropped(List<Variant> used) {
    return used.stream().anyMatch(v -> v.source() instanceof VariantDatabase d && d.isClosed());
  }

  /** The shuffled copy is never evicted: its executor lives until {@link #close()}. */
  @Override
  public synchronized Optional<Variant> shuffled() {
    VariantDatabase v = variants.shuffled();
    return Optional.of(new Variant(v.description(), heldFor(v).executor, v));
  }

  private Held heldFor(VariantDatabase v) {
    if (closed) {
      throw new IllegalStateException("the variant executors are closed");
    }
    return executors.computeIfAbsent(v, x -> new Held(new SandboxedExecutor(x.database())));
  }

  private synchronized void evicted(VariantDatabase v) {
    Held held = executors.get(v);
    if (held != null && held.holders == 0) {
      drop(v);
    }
  }

  private void drop(VariantDatabase v) {
    executors.remove(v).executor.close();
  }

  /** Executors alive now. */
  synchronized long size() {
    return executors.size();
  }

  /** Closes every executor. */
  @Override
  public synchronized void close() {
    closed = true;
    executors.values().forEach(held -> held.executor.close());
    executors.clear();
  }
}
