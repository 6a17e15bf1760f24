package dev.diaharness.scoring;

import dev.diaharness.sql.BigQueryExecutor;
import java.util.List;

/**
 * The generated databases a pair of queries is also run on (test-suite accuracy): each variant's executor with a
 * description of what it changed. Thread-safe.
 */
public interface VariantExecutors {
  VariantExecutors NONE = (expected, generated) -> List.of();

  /**
   * A variant database, ready to run SQL on.
   *
   * @param source the variant the executor runs on, if any: holding it keeps a cached executor from being closed
   *               while this is in use ({@link VariantExecutorCache})
   */
  record Variant(String description, BigQueryExecutor executor, Object source) {
    public Variant(String description, BigQueryExecutor executor) {
      this(description, executor, null);
    }
  }

  /** The variants for this pair (built from both queries' literals); {@link #release} them when done. */
  List<Variant> variantsFor(String expectedSql, String generatedSql);

  /** Done with what {@link #variantsFor} returned: a variant dropped from the cache meanwhile can be freed now. */
  default void release(List<Variant> variants) {}

  /** Whether the cache dropped (closed) one of these variants since {@link #variantsFor} returned them. */
  default boolean anyDropped(List<Variant> variants) {
    return false;
  }

  /** The base's rows in another physical order, for the stability check; empty when there is none. */
  default java.util.Optional<Variant> shuffled() {
    return java.util.Optional.empty();
  }
}
