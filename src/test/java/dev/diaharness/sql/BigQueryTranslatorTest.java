package dev.diaharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.testing.Gen;
import dev.diaharness.testing.SeededTest;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BigQueryTranslatorTest {
  private static final Set<String> TABLES = Set.of("orders", "customers");
  private final BigQueryTranslator translator = new BigQueryTranslator();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT * FROM ML.PREDICT(MODEL `m`, (SELECT 1))                      | ML.PREDICT",
        "SELECT d FROM UNNEST(GENERATE_DATE_ARRAY('2024-01-01', '2024-02-01')) d | UNNEST",
        "SELECT GENERATE_DATE_ARRAY(DATE '2024-01-01', DATE '2024-02-01')     | GENERATE_DATE_ARRAY",
        "SELECT x FROM orders, UNNEST(tags) AS x                              | UNNEST",
        "SELECT ARRAY_AGG(id ORDER BY id LIMIT 1) FROM orders                 | ARRAY_AGG",
        "SELECT ARRAY_AGG(id)[OFFSET(0)] FROM orders                          | array subscript",
        "SELECT ST_DISTANCE(a, b) FROM orders                                 | ST_DISTANCE",
        "SELECT JSON_EXTRACT(j, '$.a') FROM orders                            | JSON_EXTRACT",
        "SELECT APPROX_QUANTILES(amount, 4) FROM orders                       | APPROX_QUANTILES",
        "SELECT CAST(x AS ARRAY<INT64>) FROM orders                           | CAST AS ARRAY<INT64>",
        "SELECT DATE_TRUNC(order_date, HOUR) FROM orders                      | DATE_TRUNC(HOUR)",
        "SELECT EXTRACT(WEEK(FRIDAY) FROM order_date) FROM orders             | EXTRACT(WEEK(FRIDAY))",
        "SELECT SAFE.PARSE_DATE('%Y', s) FROM orders                          | SAFE.PARSE_DATE",
        "SELECT b'abc'                                                        | BYTES literal",
      })
  void unsupportedConstructIsNamed(String sql, String construct) {
    Translation translation = translator.translate(sql, TABLES);

    assertThat(translation).isInstanceOf(Translation.Unsupported.class);
    assertThat(((Translation.Unsupported) translation).construct()).isEqualToIgnoringCase(construct);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT id FROM `my-project.shop.orders`        | SELECT id FROM \"orders\"",
        "SELECT id FROM `shop.orders`                   | SELECT id FROM \"orders\"",
        "SELECT id FROM shop.orders                     | SELECT id FROM \"orders\"",
        "SELECT id FROM proj.shop.Orders                | SELECT id FROM \"orders\"",
        "SELECT id FROM `proj`.`shop`.`orders` AS o     | SELECT id FROM \"orders\" AS o",
        "SELECT id FROM orders                          | SELECT id FROM orders",
        "SELECT id FROM shop.unknown_table              | SELECT id FROM \"unknown_table\"",
        "SELECT shop.orders.id FROM shop.orders         | SELECT orders.id FROM \"orders\"",
      })
  void qualifiedTableNamesMapToLoadedTables(String sql, String expected) {
    assertThat(translator.translate(sql, TABLES)).isEqualTo(new Translation.Translated(expected));
  }

  @Test
  void garbageIsUnparseable() {
    assertThat(translator.translate("SELEC FROM WHERE", TABLES)).isInstanceOf(Translation.Unparseable.class);
    assertThat(translator.translate("   ", TABLES)).isInstanceOf(Translation.Unparseable.class);
  }

  @Test
  void statementsOtherThanOneQueryPassThroughForTheSandboxToReject() {
    assertThat(translator.translate("DELETE FROM orders WHERE 1 = 1", TABLES))
        .isEqualTo(new Translation.Translated("DELETE FROM orders WHERE 1 = 1"));
    assertThat(translator.translate("SELECT 1; SELECT 2", TABLES))
        .isEqualTo(new Translation.Translated("SELECT 1; SELECT 2"));
  }

  @Test
  void backtickInsideAStringIsNotAQuote() {
    assertThat(translator.translate("SELECT 'a`b' AS `my col` FROM orders", TABLES))
        .isEqualTo(new Translation.Translated("SELECT 'a`b' AS \"my col\" FROM orders"));
  }

  @SeededTest(cases = 300)
  void translationNeverThrows(long seed) {
    Random random = new Random(seed);
    // any text, or text made of the quotes, names and functions the translator rewrites
    String text = random.nextBoolean() ? Gen.anyString(random, 80)
        : Gen.tokens(random, List.of("`", "'", "\"", "\\", "orders", "`p.d.orders`", "customers", "SAFE_CAST(",
            "FORMAT_DATE(", "DATE_TRUNC(", "(", ")", ",", " ", "--", "\n", "x", "1", "AS", "INT64", "STRING"), 30, "");
    assertThat(translator.translate(text, TABLES)).isNotNull();
    assertThat(translator.translate("SELECT " + text + " FROM orders", TABLES)).isNotNull();
  }
}
