package dev.diaharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.testing.Gen;
import dev.diaharness.testing.SeededTest;
import java.util.List;
import java.util.Random;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.PlainSelect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlParserTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "SELECT count(*) FROM `dataset.customers`",
      "SELECT count(*) FROM `project.dataset.customers`;",
      "SELECT count(*) FROM `my-project.dataset.customers` ;  ;",
      "-- leading comment\nSELECT 1 /* inline */ FROM t # trailing hash comment",
      "SELECT c.name FROM `dia_test_dataset.customers` c JOIN `dia_test_dataset.orders` o ON c.id = o.customer_id"
          + " WHERE FORMAT_DATE('%Y-%m', o.order_date) = '2024-12'",
      "SELECT name FROM t WHERE state = \"California\"",
      "SELECT 'it\\'s' AS s FROM t",
      "WITH x AS (SELECT a FROM t) SELECT a FROM x UNION ALL SELECT a FROM u",
      "SELECT * EXCEPT (a) FROM t QUALIFY ROW_NUMBER() OVER (PARTITION BY a ORDER BY b) = 1",
  })
  void parsesBigQueryStatements(String sql) {
    assertThat(SqlParser.parse(sql)).isInstanceOf(SqlParseResult.Parsed.class);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "SELECT 1; SELECT 2   | multiple statements",
      "''                   | empty SQL",
      "'   '                | empty SQL",
      "-- only a comment    | no statement (only comments or semicolons)",
      "';;'                 | no statement (only comments or semicolons)",
  })
  void refusesWhatIsNotOneStatement(String sql, String reason) {
    assertThat(SqlParser.parse(sql)).isEqualTo(new SqlParseResult.Unparseable(reason));
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELEC 1", "SELECT FROM WHERE", "SELECT 'unterminated FROM t", "not sql at all"})
  void garbageIsUnparseableWithAReason(String sql) {
    SqlParseResult result = SqlParser.parse(sql);
    assertThat(result).isInstanceOf(SqlParseResult.Unparseable.class);
    assertThat(((SqlParseResult.Unparseable) result).reason()).isNotBlank().doesNotContain("\n");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT * FROM `p.dataset.customers` | customers | dataset",
      "SELECT * FROM `dataset.customers`   | customers | dataset",
      "SELECT * FROM dataset.customers     | customers | dataset",
  })
  void backtickedDottedNameIsSplitIntoParts(String sql, String table, String schema) {
    var parsed = (SqlParseResult.Parsed) SqlParser.parse(sql);
    Table from = (Table) ((PlainSelect) parsed.statement()).getFromItem();
    assertThat(AstNameNormalizer.plain(from.getName())).isEqualTo(table);
    assertThat(AstNameNormalizer.plain(from.getSchemaName())).isEqualTo(schema);
  }

  @org.junit.jupiter.api.Test
  void deeplyNestedInputEndsWithAResult() {
    String nested = "SELECT " + "(".repeat(300) + "1" + ")".repeat(300);
    assertThat(SqlParser.parse(nested)).isNotNull();
  }

  @SeededTest(cases = 300)
  void neverThrows(long seed) {
    assertThat(SqlParser.parse(Gen.anyString(new Random(seed), 100))).isNotNull();
  }

  @SeededTest(cases = 300)
  void neverThrowsOnSqlShapedNoise(long seed) {
    assertThat(SqlParser.parse(sqlNoise(new Random(seed)))).isNotNull();
  }

  static String sqlNoise(Random random) {
    return Gen.tokens(random, List.of("SELECT", "FROM", "WHERE", "(", ")", "`a.b`", "'x'", "\"y\"", ",", ";",
        "--", "/*", "*/", "#", "\n", "JOIN", "ON", "=", "1", "t", "GROUP BY", "ORDER", "`", "\\"), 25, " ");
  }
}
