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

  /**
   * With room for one literal set, a second pair's variants evict the first's: an executor still held keeps working
   * until it is released, then it is closed; one nobody holds is closed at once (not left to the garbage collector).
   */
  @Test
  void anEvictedVariantsExecutorIsClosedWhenItsLastHolderReleasesIt() throws Exception {
    String other = "SELECT COUNT(*) FROM `ecommerce.orders` WHERE status = 'delivered'";
    try (EmbeddedDatabase database = new TableFolderLoader().load(DATA);
        DatabaseVariants variants = new DatabaseVariants(database, 1, 42L, 1);
        VariantExecutorCache cache = new VariantExecutorCache(variants)) {
      List<VariantExecutors.Variant> held = cache.variantsFor(COUNT, COUNT);
      assertThat(held).hasSize(1);
      assertThat(held.get(0).executor().executeBigQuery(COUNT)).isInstanceOf(ExecutionResult.Rows.class);
      List<VariantExecutors.Variant> next = cache.variantsFor(other, other); // evicts the first literal set
      assertThat(((dev.diaharness.sql.VariantDatabase) held.get(0).source()).isClosed()).isTrue();
      assertThat(held.get(0).executor().executeBigQuery(COUNT)).as("still held: still works")
          .isInstanceOf(ExecutionResult.Rows.class);
      assertThat(cache.size()).isEqualTo(2);

      cache.release(held);
      assertThat(cache.size()).isEqualTo(1);
      assertThat(held.get(0).executor().executeBigQuery(COUNT)).isInstanceOfSatisfying(ExecutionResult.Failed.class,
          f -> assertThat(f.reason()).contains("the sandbox is closed"));

      cache.release(next);
      assertThat(cache.size()).as("released but still cached: kept for the next answer").isEqualTo(1);
      cache.variantsFor(COUNT, COUNT).forEach(v -> assertThat(v.executor()).isNotSameAs(next.get(0).executor()));
      assertThat(next.get(0).executor().executeBigQuery(other)).as("evicted while nobody held it: closed at once")
          .isInstanceOf(ExecutionResult.Failed.class);
    }
  }
}
