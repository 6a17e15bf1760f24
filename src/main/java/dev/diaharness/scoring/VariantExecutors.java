package dev.diaharness.scoring;

import dev.diaharness.sql.BigQueryExecutor;
import java.util.List;

/**
 * The generated databases a pair of queries is also run on (test-suite accuracy): each variant's executor with a
 * description of what it changed. Thread-safe.
 */
public interface VariantExecutors {
  VariantExecutors NONE = (expected, generated) -> List.of();

  /** A variant database, ready to run SQL on. */
  record Variant(String description, BigQueryExecutor executor) {}

  /** The variants for this pair (built from both queries' literals). */
  List<Variant> variantsFor(String expectedSql, String generatedSql);

  /** The base's rows in another physical order, for the stability check; empty when there is none. */
  default java.util.Optional<Variant> shuffled() {
    return java.util.Optional.empty();
  }
}
