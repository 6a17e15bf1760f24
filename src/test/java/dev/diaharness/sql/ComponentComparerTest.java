package dev.diaharness.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.diaharness.scoring.CategoryScores;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ComponentComparerTest {

  static final String JOIN_QUERY = "SELECT DISTINCT c.name FROM `dataset.customers` c JOIN `dataset.orders` o"
      + " ON c.id = o.customer_id WHERE o.order_date >= '2024-01-01' AND o.status = 'shipped'";

  static Stream<Arguments> equivalentSpellings() {
    return Stream.of(
        arguments("alias vs table name", JOIN_QUERY, "SELECT DISTINCT customers.name FROM dataset.customers"
            + " INNER JOIN dataset.orders ON orders.customer_id = customers.id"
            + " WHERE orders.status = 'shipped' AND orders.order_date >= '2024-01-01'"),
        arguments("other aliases, AND order, a = b vs b = a", JOIN_QUERY, "select distinct x.NAME from"
            + " `p.dataset.customers` as x join `p.dataset.orders` as y on y.customer_id = x.id"
            + " where y.status = 'shipped' and '2024-01-01' <= y.order_date"),
        arguments("single table qualifier", "SELECT name FROM `dataset.customers` WHERE state = 'CA'",
            "SELECT c.name FROM `dataset.customers` AS c WHERE c.state = 'CA'"),
        arguments("GROUP BY ordinal vs expression", "SELECT status, SUM(amount) AS total FROM orders GROUP BY status",
            "SELECT status, SUM(amount) AS total FROM orders GROUP BY 1"),
        arguments("ORDER BY alias vs expression", "SELECT name, price AS p FROM products ORDER BY price DESC LIMIT 5",
            "SELECT name, price AS p FROM products ORDER BY p DESC LIMIT 5"),
        arguments("OR operand order", "SELECT a FROM t WHERE (x = 1 OR y = 2) AND z > 3",
            "SELECT a FROM t WHERE 3 < z AND (y = 2 OR 1 = x)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("equivalentSpellings")
  void equivalentSpellingsScoreFull(String rule, String expected, String generated) {
    var scored = (ComponentComparison.Scored) ComponentComparer.compare(expected, generated);
    assertThat(scored.scores()).as(scored.toEvidence().summary()).isEqualTo(CategoryScores.FULL);
  }

  static Stream<Arguments> oneCategoryDiffers() {
    String base = "SELECT status, SUM(amount) AS total FROM `dataset.orders` WHERE amount > 10 AND region = 'EU'"
        + " GROUP BY status HAVING SUM(amount) > 100 ORDER BY total DESC LIMIT 5";
    return Stream.of(
        arguments("missing WHERE conjunct", base, base.replace(" AND region = 'EU'", ""),
            ComponentCategory.FILTERING),
        arguments("different literal", base, base.replace("'EU'", "'US'"), ComponentCategory.FILTERING),
        arguments("missing HAVING", base, base.replace(" HAVING SUM(amount) > 100", ""), ComponentCategory.FILTERING),
        arguments("wrong table", base, base.replace("`dataset.orders`", "`dataset.orders_archive`"),
            ComponentCategory.DATA_SOURCE),
        arguments("wrong aggregate", base.replace("HAVING SUM(amount) > 100 ORDER BY total DESC ", ""),
            base.replace("HAVING SUM(amount) > 100 ORDER BY total DESC ", "").replace("SUM(", "AVG("),
            ComponentCategory.COLUMNS_AGGREGATION),
        arguments("wrong direction", base, base.replace("DESC", "ASC"), ComponentCategory.ORDERING_LIMIT),
        arguments("wrong limit", base, base.replace("LIMIT 5", "LIMIT 10"), ComponentCategory.ORDERING_LIMIT),
        arguments("output alias", base.replace(" ORDER BY total DESC", ""),
            base.replace(" ORDER BY total DESC", "").replace("AS total", "AS revenue"), ComponentCategory.FORMAT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneCategoryDiffers")
  void aDifferenceCostsOnlyItsCategory(String rule, String expected, String generated, ComponentCategory lost) {
    var scored = (ComponentComparison.Scored) ComponentComparer.compare(expected, generated);
    for (ComponentComparison.CategoryDiff diff : scored.categories()) {
      if (diff.category() == lost) {
        assertThat(diff.score()).as(rule + ": " + diff).isLessThan(lost.max());
        assertThat(diff.missing().size() + diff.extra().size()).isPositive();
      } else {
        assertThat(diff.score()).as(rule + ": " + diff).isEqualTo(diff.category().max());
      }
    }
  }

  @Test
  void groupingDifferenceCostsGrouping() {
    var scored = (ComponentComparison.Scored) ComponentComparer.compare(
        "SELECT status, region, COUNT(*) FROM orders GROUP BY status, region",
        "SELECT status, region, COUNT(*) FROM orders GROUP BY status");
    assertThat(scored.scores().grouping()).isEqualTo(10); // F1 = 2·1/(2+1) = 0.667 of 15
    assertThat(scored.categories().get(3).missing()).containsExactly("GROUP BY region");
  }

  @Test
  void joinTypeAndConditionAreDataSource() {
    var scored = (ComponentComparison.Scored) ComponentComparer.compare(
        "SELECT c.name FROM customers c LEFT JOIN orders o ON c.id = o.customer_id",
        "SELECT c.name FROM customers c JOIN orders o ON c.id = o.customer_id");
    assertThat(scored.scores().dataSource()).isEqualTo(13); // tables match, join differs: F1 = 2·2/(3+3)
    assertThat(scored.categories().get(0).missing())
        .containsExactly("LEFT JOIN orders ON customers.id = orders.customer_id");
    assertThat(scored.categories().get(0).extra()).containsExactly("INNER JOIN ON customers.id = orders.customer_id");
  }

  @Test
  void evidenceNamesTheLostCategory() {
    var scored = (ComponentComparison.Scored) ComponentComparer.compare(
        "SELECT a FROM t WHERE b = 1", "SELECT a FROM t");
    assertThat(scored.total()).isEqualTo(75);
    assertThat(scored.toEvidence().summary()).isEqualTo("components 75/100: filtering 0/25");
    assertThat(scored.toEvidence().details()).containsKeys("data_source", "filtering", "format");
  }

  @Test
  void unparseableSidesSayWhich() {
    assertThat(ComponentComparer.compare("SELEC a", "SELECT a FROM t"))
        .isInstanceOf(ComponentComparison.ExpectedUnusable.class);
    assertThat(ComponentComparer.compare("SELECT a FROM t", "SELECT a FROM"))
        .isInstanceOf(ComponentComparison.GeneratedUnusable.class);
    assertThat(ComponentComparer.compare("SELECT a FROM t", "DELETE FROM t WHERE a = 1"))
        .isEqualTo(new ComponentComparison.GeneratedUnusable("not a query: Delete"));
    assertThat(ComponentComparer.compare("SELECT a FROM t", ""))
        .isEqualTo(new ComponentComparison.GeneratedUnusable("unparseable: empty SQL"));
  }

  @Test
  void componentsOfACteAndUnion() {
    var components = QueryComponents.of("WITH recent AS (SELECT id FROM `d.orders` WHERE y = 2024)"
        + " SELECT id FROM recent UNION ALL SELECT id FROM `d.returns` ORDER BY id LIMIT 3").orElseThrow();
    assertThat(components.tables()).containsExactly("orders", "returns");
    assertThat(components.filters()).containsExactly("2024 = y"); // operands of = in sorted order
    assertThat(components.setOperations()).containsExactly("UNION ALL");
    assertThat(components.orderBy()).containsExactly("id ASC");
    assertThat(components.limit()).hasValue("LIMIT 3");
  }

  @Test
  void componentsOfTheFixtureJoin() {
    var components = QueryComponents.of(JOIN_QUERY).orElseThrow();
    assertThat(components.tables()).containsExactly("customers", "orders");
    assertThat(components.joins()).containsExactly("INNER JOIN ON customers.id = orders.customer_id");
    assertThat(components.filters())
        .containsExactly("'2024-01-01' <= orders.order_date", "'shipped' = orders.status");
    assertThat(components.projections()).containsExactly("customers.name");
    assertThat(components.distinct()).isTrue();
    assertThat(components.outputColumns()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("queries")
  void aQueryMatchesItselfFully(String query) {
    var scored = (ComponentComparison.Scored) ComponentComparer.compare(query, query);
    assertThat(scored.total()).isEqualTo(100);
  }

  static Stream<String> queries() {
    return Stream.of(
        "SELECT count(*) FROM `dataset.customers`",
        "SELECT DISTINCT category FROM `dataset.products`",
        "SELECT status, SUM(amount) as total_revenue FROM `dataset.orders` GROUP BY status",
        "SELECT name, price FROM `dataset.products` ORDER BY price DESC LIMIT 5",
        JOIN_QUERY,
        "SELECT c.name FROM `dia_test_dataset.customers` c JOIN `dia_test_dataset.orders` o ON c.id = o.customer_id"
            + " WHERE FORMAT_DATE('%Y-%m', o.order_date) = '2024-12'",
        "SELECT * FROM t WHERE a IN (SELECT b FROM u WHERE u.c = t.d) QUALIFY ROW_NUMBER() OVER (ORDER BY a) = 1");
  }
}
