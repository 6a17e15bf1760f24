package dev.diaharness.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.sql.DatabaseVariants;
import dev.diaharness.sql.EmbeddedDatabase;
import dev.diaharness.sql.SandboxedExecutor;
import dev.diaharness.sql.TableFolderLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The race a busy scorer meets: between handing a pair its variants and the pair's first query on them, another
 * pair's literals push them out of the cache, which closes their databases. The verdict must still come from
 * variants that stayed alive — not from queries that failed on a closed database (a PASS on no variant at all, or a
 * counterexample that is not the data's).
 */
class VariantDroppedWhileScoringTest {
  private static final Path DATA = Path.of("examples", "ecommerce", "data");
  private static final String CANCELLED = "SELECT COUNT(*) FROM `ecommerce.orders` WHERE status = 'cancelled'";
  private static final String DELIVERED = "SELECT COUNT(*) FROM `ecommerce.orders` WHERE status = 'delivered'";

  @Test
  void aPairWhoseVariantsWereDroppedUnderItRunsAgainOnFreshOnes() throws Exception {
    try (EmbeddedDatabase database = new TableFolderLoader().load(DATA);
        DatabaseVariants variants = new DatabaseVariants(database, 3, 42L, 1); // room for one literal set
        SandboxedExecutor base = new SandboxedExecutor(database); // after the copy: the sandbox locks the files
        VariantExecutorCache cache = new VariantExecutorCache(variants)) {
      AtomicInteger handedOut = new AtomicInteger();
      VariantExecutors evictingOnce = new VariantExecutors() {
        @Override
        public List<Variant> variantsFor(String expected, String generated) {
          List<Variant> mine = cache.variantsFor(expected, generated);
          if (handedOut.getAndIncrement() == 0) { // another thread's pair, just now: evicts mine before first use
            cache.release(cache.variantsFor(DELIVERED, DELIVERED));
          }
          return mine;
        }

        @Override
        public void release(List<Variant> used) {
          cache.release(used);
        }

        @Override
        public boolean anyDropped(List<Variant> used) {
          return cache.anyDropped(used);
        }
      };
      ExecutionStage stage = new ExecutionStage(base, evictingOnce);

      Optional<Verdict> verdict = stage.decide(new ScoringInput(GoldenCase.of("q", "cancelled orders", CANCELLED),
          Optional.of(CANCELLED + " "), "", "", "schema"));

      assertThat(verdict).hasValueSatisfying(v -> {
        assertThat(v.status()).isEqualTo(Status.EXEC_EQUIVALENT);
        assertThat(v.evidence().details()).as(v.evidence().summary())
            .containsEntry("variants_agreed", 3).containsEntry("variants_skipped", 0);
      });
      assertThat(handedOut).as("asked once more, on variants built afresh").hasValue(2);
    }
  }
}
