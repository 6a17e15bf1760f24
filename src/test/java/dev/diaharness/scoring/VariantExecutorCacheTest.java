package dev.diaharness.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.sql.DatabaseVariants;
import dev.diaharness.sql.EmbeddedDatabase;
import dev.diaharness.sql.ExecutionResult;
import dev.diaharness.sql.TableFolderLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The executors of the variant databases are closed with the scorer: no connection pool outlives it. */
class VariantExecutorCacheTest {
  private static final Path DATA = Path.of("examples", "ecommerce", "data");
  private static final String COUNT = "SELECT COUNT(*) FROM `ecommerce.orders` WHERE status = 'cancelled'";

  @Test
  void oneExecutorPerVariantReusedAndAllClosedOnClose() throws Exception {
    try (EmbeddedDatabase database = new TableFolderLoader().load(DATA);
        DatabaseVariants variants = new DatabaseVariants(database, 3, 42L)) {
      VariantExecutorCache cache = new VariantExecutorCache(variants);
      List<VariantExecutors.Variant> first = cache.variantsFor(COUNT, COUNT);
      assertThat(first).hasSize(3);
      assertThat(cache.variantsFor(COUNT, COUNT)).extracting(VariantExecutors.Variant::executor)
          .containsExactlyElementsOf(first.stream().map(VariantExecutors.Variant::executor).toList());
      first.forEach(v -> assertThat(v.executor().executeBigQuery(COUNT)).isInstanceOf(ExecutionResult.Rows.class));
      assertThat(cache.size()).isEqualTo(3);

      cache.close();

      assertThat(cache.size()).isZero();
      first.forEach(v -> assertThat(v.executor().executeBigQuery(COUNT))
          .isInstanceOfSatisfying(ExecutionResult.Failed.class,
              f -> assertThat(f.reason()).contains("the sandbox is closed")));
    }
  }
}
