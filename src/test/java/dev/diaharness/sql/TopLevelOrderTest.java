package dev.diaharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopLevelOrderTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "SELECT a FROM t ORDER BY a | true",
      "SELECT a FROM t ORDER BY a DESC LIMIT 5 | true",
      "select a from t order  by a | true",
      "SELECT a FROM t | false",
      "SELECT a FROM (SELECT a FROM t ORDER BY a) s | false",
      "WITH c AS (SELECT a FROM t ORDER BY a) SELECT a FROM c | false",
      "WITH c AS (SELECT a FROM t) SELECT a FROM c ORDER BY a | true",
      "SELECT a, ROW_NUMBER() OVER (ORDER BY a) FROM t | false",
      "SELECT a FROM t UNION ALL SELECT a FROM u ORDER BY a | true",
      "(SELECT a FROM t ORDER BY a) | true",
      "SELECT 'ORDER BY x' AS s FROM t | false",
      "SELECT a FROM t -- ORDER BY a | false",
      // BigQuery syntax JSqlParser may reject: the lexical fallback decides
      "SELECT a FROM `p-1.d.t` QUALIFY ROW_NUMBER() OVER (PARTITION BY a ORDER BY b) = 1 | false",
      "SELECT a FROM `p-1.d.t` QUALIFY ROW_NUMBER() OVER (PARTITION BY a ORDER BY b) = 1 ORDER BY a | true",
      "SELECT STRING_AGG(a ORDER BY a) FROM t | false",
      "not sql at all | false"})
  void detectsAnOrderByOnTheOutermostQueryOnly(String sql, boolean orders) {
    assertThat(TopLevelOrder.ordersAtTopLevel(sql)).isEqualTo(orders);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT a FROM t ORDER BY a | true",
      "SELECT a FROM (SELECT a FROM t ORDER BY a) | false",
      "SELECT \"ORDER BY\" FROM t # ORDER BY a | false",
      "(SELECT a FROM t ORDER BY a) | true",
      "SELECT x.orderby FROM t | false"})
  void lexicalFallbackFollowsTheSameRule(String sql, boolean orders) {
    assertThat(TopLevelOrder.lexicalOrderBy(sql)).isEqualTo(orders);
  }
}
