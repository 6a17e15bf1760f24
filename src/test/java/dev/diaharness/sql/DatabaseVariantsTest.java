package dev.diaharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseVariantsTest {
  @TempDir static Path dir;
  static EmbeddedDatabase base;
  static DatabaseVariants variants;

  @BeforeAll
  static void load() throws Exception {
    base = VariantTestData.shop(dir);
    variants = new DatabaseVariants(base, DatabaseVariants.DEFAULT_K, 42L);
  }

  @AfterAll
  static void close() throws Exception {
    variants.close();
    base.close();
  }

  /** Near misses that agree on the shipped data; some variant of the named kind must tell them apart. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "> vs >= with no row at the boundary | SELECT id FROM orders WHERE amount > 100 "
          + "| SELECT id FROM orders WHERE amount >= 100 | NUDGE",
      "COUNT(col) vs COUNT(*) | SELECT count(status) FROM orders | SELECT count(*) FROM orders | NULLS",
      "missing DISTINCT | SELECT DISTINCT name FROM customers | SELECT name FROM customers | DUPLICATES",
      "LEFT vs INNER join | SELECT o.id, c.name FROM orders o LEFT JOIN customers c ON o.customer_id = c.id "
          + "| SELECT o.id, c.name FROM orders o JOIN customers c ON o.customer_id = c.id | SUBSET",
      "forgot the month's last day | SELECT id FROM orders WHERE order_date < DATE '2024-02-01' "
          + "| SELECT id FROM orders WHERE order_date <= DATE '2024-01-30' | BOUNDARY_DATES",
      "case-sensitive string | SELECT id FROM orders WHERE status = 'shipped' "
          + "| SELECT id FROM orders WHERE lower(status) = 'shipped' | NUDGE",
      // regressions: the base data alone, or one edit at a time, could not tell these apart
      "a status value the data lacks | SELECT count(*) FROM orders WHERE status = 'shipped' "
          + "| SELECT count(*) FROM orders WHERE status IN ('shipped', 'refunded') | NUDGE",
      "customers without orders: LEFT vs INNER join counts | SELECT c.id, count(o.id) FROM customers c "
          + "LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id | SELECT c.id, count(*) FROM customers c "
          + "JOIN orders o ON o.customer_id = c.id GROUP BY c.id | SUBSET"})
  void aVariantSeparatesANearMissThatAgreesOnTheBaseData(String name, String expected, String generated,
      VariantKind kind) throws SQLException {
    assertThat(VariantTestData.agree(base, expected, generated)).as("agree on the base data").isTrue();
    List<VariantKind> separating = new ArrayList<>();
    for (VariantDatabase v : variants.variantsFor(expected, generated)) {
      if (!VariantTestData.agree(v.database(), expected, generated)) {
        separating.add(v.kind());
      }
    }
    assertThat(separating).as(name).contains(kind);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "column order and GROUP BY position | SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id "
          + "| SELECT sum(amount), customer_id FROM orders GROUP BY 2 ORDER BY 2",
      // regression: duplicated rows used to repeat the primary key, a database that cannot exist
      "IN subquery vs COUNT(DISTINCT) over a join | SELECT count(*) FROM customers WHERE id IN "
          + "(SELECT customer_id FROM orders) | SELECT count(DISTINCT c.id) FROM customers c JOIN orders o "
          + "ON o.customer_id = c.id",
      "DISTINCT on a primary key | SELECT DISTINCT id, name FROM customers | SELECT id, name FROM customers"})
  void equivalentQueriesAgreeOnEveryVariant(String name, String expected, String generated) throws SQLException {
    for (VariantDatabase v : variants.variantsFor(expected, generated)) {
      assertThat(VariantTestData.agree(v.database(), expected, generated)).as(name + " on " + v).isTrue();
    }
  }

  @Test
  void keyColumnsStayUniqueInEveryVariant() throws SQLException {
    for (VariantDatabase v : variants.variantsFor(Set.of(Literal.number("5"), Literal.date("2024-01-15")))) {
      assertThat(VariantTestData.run(v.database(), "SELECT count(*) = count(DISTINCT id) AS c FROM customers "
          + "UNION ALL SELECT count(*) = count(DISTINCT id) FROM orders").rows())
          .as(v.toString()).containsOnly(List.of(true));
    }
  }

  @Test
  void theSecondRoundCombinesEachEditWithADenseNudge() {
    List<VariantDatabase> list = variants.variantsFor(Set.of(Literal.date("2024-02-15")));
    assertThat(list).extracting(VariantDatabase::kind).containsExactly(VariantKind.NUDGE, VariantKind.SUBSET,
        VariantKind.DUPLICATES, VariantKind.NULLS, VariantKind.BOUNDARY_DATES, VariantKind.SUBSET,
        VariantKind.DUPLICATES, VariantKind.NULLS);
    assertThat(list.subList(5, 8)).allSatisfy(v -> assertThat(v.description())
        .contains("orders.order_date values nudged around DATE 2024-02-15 (6 rows)"));
    assertThat(list.get(0).description()).contains("orders.order_date values nudged around DATE 2024-02-15 (3 rows)");
  }

  @Test
  void everyVariantHasTheBaseTablesAndColumnsAndSaysWhatChanged() throws SQLException {
    String columns = "SELECT table_name, column_name, data_type FROM information_schema.columns "
        + "WHERE table_schema = 'main' ORDER BY ALL";
    ResultTable baseColumns = VariantTestData.run(base, columns);
    List<VariantDatabase> list = variants.variantsFor(Set.of(Literal.number("100")));
    assertThat(list).hasSize(8).extracting(VariantDatabase::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    for (VariantDatabase v : list) {
      assertThat(VariantTestData.run(v.database(), columns)).isEqualTo(baseColumns);
      assertThat(v.database().tables().keySet()).isEqualTo(base.tables().keySet());
      assertThat(v.description()).isNotBlank();
    }
    assertThat(list.get(0).description()).contains("orders.amount values nudged around 100");
    assertThat(list.get(2).description()).startsWith("duplicate rows: ");
  }

  @Test
  void theSameSeedGivesIdenticalVariantsAndAnotherSeedDoesNot() throws Exception {
    Set<Literal> literals = LiteralExtractor.extract("SELECT * FROM orders WHERE amount > 100 AND status = 'shipped'");
    try (DatabaseVariants again = new DatabaseVariants(base, 8, 42L);
        DatabaseVariants other = new DatabaseVariants(base, 8, 7L)) {
      assertThat(dump(again.variantsFor(literals))).isEqualTo(dump(variants.variantsFor(literals)));
      assertThat(dump(other.variantsFor(literals))).isNotEqualTo(dump(variants.variantsFor(literals)));
    }
  }

  @Test
  void cachesVariantsPerLiteralSetAndSharesTheLiteralFreeOnes() {
    Set<Literal> a = Set.of(Literal.number("100"));
    Set<Literal> b = Set.of(Literal.number("200"));
    List<VariantDatabase> first = variants.variantsFor(a);
    assertThat(variants.variantsFor(Set.of(Literal.number("100.0")))).isEqualTo(first);
    List<VariantDatabase> other = variants.variantsFor(b);
    assertThat(other.get(0)).isNotSameAs(first.get(0));
    assertThat(other.get(1)).isSameAs(first.get(1));
  }

  @Test
  void evictsTheLeastRecentlyUsedLiteralSetBeyondTheBound() throws Exception {
    try (DatabaseVariants small = new DatabaseVariants(base, 2, 1L, 1)) {
      VariantDatabase first = small.variantsFor(Set.of(Literal.number("1"))).get(0);
      small.variantsFor(Set.of(Literal.number("2")));
      assertThat(small.variantsFor(Set.of(Literal.number("1"))).get(0)).isNotSameAs(first);
    }
  }

  @Test
  void concurrentCallersForTheSameLiteralsGetOneBuild() throws Exception {
    Set<Literal> literals = Set.of(Literal.number("150"), Literal.string("returned"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<VariantDatabase>>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(() -> variants.variantsFor(literals)));
      }
      List<VariantDatabase> reference = futures.get(0).get();
      for (Future<List<VariantDatabase>> f : futures) {
        assertThat(f.get()).isEqualTo(reference);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> dump(List<VariantDatabase> list) throws SQLException {
    List<String> out = new ArrayList<>();
    for (VariantDatabase v : list) {
      out.add(v.description());
      for (String table : v.database().tables().keySet()) {
        out.add(VariantTestData.run(v.database(), "SELECT * FROM " + table + " ORDER BY ALL").rows().toString());
      }
    }
    return out;
  }
}
