package dev.diaharness.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.sql.EmbeddedDatabase;
import dev.diaharness.sql.TableFolderLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcommerceExampleGeneratorTest {
  static final Path COMMITTED = Path.of("examples/ecommerce/data");
  private static final List<String> TABLES = List.of("customers", "products", "orders", "order_items");

  @TempDir Path dir;

  @Test
  void regeneratingWithTheDefaultSeedGivesTheCommittedFilesByteForByte() throws IOException {
    EcommerceExampleGenerator.write(dir, EcommerceExampleGenerator.DEFAULT_SEED);
    for (String table : TABLES) {
      Path fresh = dir.resolve(table + ".csv");
      Path committed = COMMITTED.resolve(table + ".csv");
      assertThat(Files.mismatch(fresh, committed))
          .as("%s differs from a fresh generation: run EcommerceExampleGenerator %s %d and commit", committed,
              COMMITTED, EcommerceExampleGenerator.DEFAULT_SEED)
          .isEqualTo(-1L);
    }
    try (var files = Files.list(COMMITTED)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
          .containsExactly("customers.csv", "order_items.csv", "orders.csv", "products.csv");
    }
  }

  @Test
  void anotherSeedGivesOtherDataOfTheSameShape() throws IOException {
    Map<String, Integer> rows = EcommerceExampleGenerator.write(dir, 7);
    assertThat(rows).containsEntry("customers", 300).containsEntry("products", 60).containsEntry("orders", 1500);
    assertThat(rows.get("order_items")).isBetween(3000, 4000);
    assertThat(Files.mismatch(dir.resolve("orders.csv"), COMMITTED.resolve("orders.csv"))).isNotEqualTo(-1L);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "order totals are the sum of their lines | SELECT count(*) FROM orders o JOIN (SELECT order_id, round(sum(quantity * unit_price), 2) s FROM order_items GROUP BY order_id) i USING (order_id) WHERE abs(o.total_amount - i.s) > 0.001",
      "every order has a line                  | SELECT count(*) FROM orders WHERE order_id NOT IN (SELECT order_id FROM order_items)",
      "no order before its customer signed up | SELECT count(*) FROM orders o JOIN customers c USING (customer_id) WHERE o.order_date < c.signup_date",
      "shipped date only once shipped         | SELECT count(*) FROM orders WHERE (shipped_date IS NULL) <> (status IN ('processing', 'cancelled'))",
      "shipped after ordered                   | SELECT count(*) FROM orders WHERE shipped_date < order_date OR shipped_date > DATE '2025-12-31'",
      "orders fall in 2021 to 2025             | SELECT count(*) FROM orders WHERE order_date NOT BETWEEN DATE '2021-01-01' AND DATE '2025-12-31'",
      "a product at most once per order        | SELECT count(*) FROM (SELECT order_id, product_id FROM order_items GROUP BY 1, 2 HAVING count(*) > 1)",
      "paid at most the list price             | SELECT count(*) FROM order_items i JOIN products p USING (product_id) WHERE i.unit_price > p.price",
      "cost below price                        | SELECT count(*) FROM products WHERE cost >= price",
      "unique emails                           | SELECT count(*) - count(DISTINCT email) FROM customers",
  })
  void committedDataIsConsistent(String rule, String violations) throws SQLException {
    assertThat(single(violations)).as(rule).isEqualTo(0L);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "customers without region             | SELECT count(*) FROM customers WHERE region IS NULL                      | 5  | 40",
      "customers without signup channel     | SELECT count(*) FROM customers WHERE signup_channel IS NULL              | 10 | 45",
      "customers who never ordered          | SELECT count(*) FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM orders) | 10 | 80",
      "orders of the busiest customer       | SELECT max(n) FROM (SELECT count(*) n FROM orders GROUP BY customer_id) | 20 | 60",
      "December orders over June orders, %  | SELECT 100 * sum(CASE WHEN month(order_date) = 12 THEN 1 ELSE 0 END) // sum(CASE WHEN month(order_date) = 6 THEN 1 ELSE 0 END) FROM orders | 130 | 250",
      "2025 orders over 2021 orders, %      | SELECT 100 * sum(CASE WHEN year(order_date) = 2025 THEN 1 ELSE 0 END) // sum(CASE WHEN year(order_date) = 2021 THEN 1 ELSE 0 END) FROM orders | 150 | 300",
      "statuses                             | SELECT count(DISTINCT status) FROM orders                                | 5  | 5",
      "cancelled orders                     | SELECT count(*) FROM orders WHERE status = 'cancelled'                   | 50 | 200",
      "returned orders                      | SELECT count(*) FROM orders WHERE status = 'returned'                    | 50 | 250",
      "discounted lines                     | SELECT count(*) FROM order_items i JOIN products p USING (product_id) WHERE i.unit_price < p.price | 200 | 700",
  })
  void committedDataIsRealisticallySkewed(String what, String sql, long min, long max) throws SQLException {
    assertThat(single(sql)).as(what).isBetween(min, max);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"0 | 0.00", "5 | 0.05", "1999 | 19.99", "100 | 1.00", "-250 | -2.50",
      "123456 | 1234.56"})
  void moneyIsFormattedFromCents(long cents, String text) {
    assertThat(CsvTableWriter.money(cents)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {"plain | plain", "a,b | \"a,b\"",
      "say \"hi\" | \"say \"\"hi\"\"\"", "'' | \"\""})
  void csvFieldsAreQuotedOnlyWhenNeeded(String value, String field) {
    assertThat(CsvTableWriter.field(value)).isEqualTo(field);
  }

  @Test
  void nullIsAnEmptyField() {
    assertThat(CsvTableWriter.field(null)).isEmpty();
  }

  private static long single(String sql) throws SQLException {
    try (EmbeddedDatabase db = new TableFolderLoader().load(COMMITTED);
        Connection c = db.newConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
