package dev.diaharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample the database variants start from when the tables are large: on the e-commerce example (order_items
 * 3,463 rows, orders 1,500, customers 300, products 60) with small caps, every foreign key of the sample resolves,
 * tables under the cap come whole, a sampled table keeps about the cap, the same seed gives the same rows; and
 * {@link DatabaseVariants} builds its variants from the sample while its shuffled copy keeps every row.
 */
class VariantSampleTest {
  private static final Path DATA = Path.of("examples", "ecommerce", "data");
  @TempDir static Path dir;
  static EmbeddedDatabase base;
  static Map<String, Path> full;

  @BeforeAll
  static void load() throws Exception {
    base = new TableFolderLoader().load(DATA);
    full = new TreeMap<>();
    try (Connection c = base.newConnection(); Statement st = c.createStatement()) {
      for (String table : base.tables().keySet()) {
        Path file = dir.resolve(table + ".parquet");
        st.execute("COPY " + table + " TO '" + file + "' (FORMAT parquet)");
        full.put(table, file);
      }
    }
  }

  @AfterAll
  static void close() throws Exception {
    base.close();
  }

  private static Map<String, Path> sample(long maxRows, long seed, String folder) throws Exception {
    Path out = Files.createDirectories(dir.resolve(folder));
    try (Connection c = base.newConnection()) {
      return VariantSample.write(c, new TreeMap<>(base.tables()), full, out, maxRows, seed);
    }
  }

  @ParameterizedTest(name = "at most {0} rows per table")
  @ValueSource(longs = {100, 400, 1_000})
  void everyForeignKeyOfTheSampleResolvesAndSmallTablesComeWhole(long maxRows) throws Exception {
    Map<String, Path> files = sample(maxRows, 42, "fk" + maxRows);
    try (Connection c = scratch(files)) {
      assertThat(count(c, "SELECT count(*) FROM products")).as("60 rows: whole whenever the cap is above it")
          .isEqualTo(maxRows >= 60 ? 60 : maxRows);
      assertThat(files.get("products")).isEqualTo(full.get("products"));
      // the largest table is sampled first, to the cap exactly; its parents get what it references, topped up
      assertThat(count(c, "SELECT count(*) FROM order_items")).isEqualTo(maxRows);
      assertThat(count(c, "SELECT count(*) FROM orders")).isBetween(Math.min(maxRows, 1_500), 1_500L);
      assertThat(count(c, "SELECT count(*) FROM customers")).isBetween(Math.min(maxRows, 300), 300L);
      assertThat(count(c, "SELECT count(*) FROM order_items i WHERE NOT EXISTS "
          + "(SELECT 1 FROM orders o WHERE o.order_id = i.order_id)")).as("items without their order").isZero();
      assertThat(count(c, "SELECT count(*) FROM order_items i WHERE NOT EXISTS "
          + "(SELECT 1 FROM products p WHERE p.product_id = i.product_id)")).as("items without their product").isZero();
      assertThat(count(c, "SELECT count(*) FROM orders o WHERE NOT EXISTS "
          + "(SELECT 1 FROM customers c WHERE c.customer_id = o.customer_id)")).as("orders without customer").isZero();
      // a sample, not the head of the table: rows come from all over it
      assertThat(count(c, "SELECT max(order_item_id) FROM order_items")).isGreaterThan(3_000);
      assertThat(count(c, "SELECT count(DISTINCT order_item_id) FROM order_items")).isEqualTo(maxRows);
    }
  }

  @Test
  void theSameSeedPicksTheSameRowsAndAnotherSeedOthers() throws Exception {
    List<Long> first = ids(sample(300, 42, "seed-a"));
    List<Long> again = ids(sample(300, 42, "seed-b"));
    List<Long> other = ids(sample(300, 7, "seed-c"));
    assertThat(again).isEqualTo(first);
    assertThat(other).hasSameSizeAs(first).isNotEqualTo(first);
  }

  @Test
  void variantsStartFromTheSampleWhileTheShuffledCopyKeepsEveryRow() throws Exception {
    try (DatabaseVariants variants = new DatabaseVariants(base, 8, 42L, 4, 500)) {
      List<VariantDatabase> list = variants.variantsFor("SELECT count(*) FROM orders WHERE status = 'delivered'",
          "SELECT count(status) FROM orders WHERE status = 'delivered'");
      assertThat(list).hasSize(8);
      for (VariantDatabase v : list) {
        assertThat(v.description()).startsWith("built from a sample of the local tables");
        // duplicates add at most 50 rows; every other kind only removes or changes rows
        assertThat(v.database().tables().get("order_items")).as(v.toString()).isLessThanOrEqualTo(550);
      }
      assertThat(variants.shuffled().database().tables()).isEqualTo(base.tables());
    }
    try (DatabaseVariants whole = new DatabaseVariants(base, 2, 42L, 4, 5_000)) {
      assertThat(whole.variantsFor("SELECT 1", "SELECT 1"))
          .allSatisfy(v -> assertThat(v.description()).doesNotContain("sample of the local tables"));
    }
  }

  @Test
  void theCacheKeepsFewerLiteralSetsForBiggerTablesButNeverFewerThanEight() {
    int example = DatabaseVariants.cacheSizeFor(base.tables(), 8, DatabaseVariants.DEFAULT_SAMPLE_ROWS);
    Map<String, Long> pulled = Map.of("a", 100_000L, "b", 100_000L, "c", 100_000L, "d", 100_000L);
    int large = DatabaseVariants.cacheSizeFor(pulled, 8, DatabaseVariants.DEFAULT_SAMPLE_ROWS);
    assertThat(example).isBetween(32, 256);
    assertThat(large).isLessThan(example).isGreaterThanOrEqualTo(8);
    assertThat(DatabaseVariants.cacheSizeFor(pulled, 8, 100_000)).isEqualTo(8);
  }

  private static List<Long> ids(Map<String, Path> files) throws Exception {
    List<Long> out = new ArrayList<>();
    try (Connection c = scratch(files); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT order_item_id FROM order_items ORDER BY 1")) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  private static Connection scratch(Map<String, Path> files) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = c.createStatement()) {
      for (Map.Entry<String, Path> e : files.entrySet()) {
        st.execute("CREATE TABLE " + e.getKey() + " AS SELECT * FROM " + VariantSample.parquet(e.getValue()));
      }
    }
    return c;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
