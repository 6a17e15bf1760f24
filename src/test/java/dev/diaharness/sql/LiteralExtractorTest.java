package dev.diaharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LiteralExtractorTest {
  @Test
  void findsConstantsEverywhereInAParsedQuery() {
    Set<Literal> literals = LiteralExtractor.extract(
        "SELECT CASE WHEN amount > 100.50 THEN 'big' END, COUNT(*) FROM orders o JOIN c ON c.id = o.cid + 7 "
            + "WHERE status = 'shipped' AND d >= DATE '2024-01-01' AND x IN (SELECT y FROM z WHERE w < -3) "
            + "GROUP BY 1 HAVING SUM(q) > 2e3");
    assertThat(literals).contains(Literal.number("100.5"), Literal.string("big"), Literal.number("7"),
        Literal.string("shipped"), Literal.date("2024-01-01"), Literal.number("-3"), Literal.number("2000"));
  }

  @Test
  void aDateLookingStringIsAlsoADate() {
    assertThat(LiteralExtractor.extract("SELECT * FROM t WHERE d < '2024-02-01' AND ts >= '2024-01-31 10:00:00'"))
        .contains(Literal.string("2024-02-01"), Literal.date("2024-02-01"), Literal.timestamp("2024-01-31T10:00"));
  }

  @Test
  void coversBigQuerySyntaxTheParserMisreads() {
    String sql = "SELECT * FROM `proj-42.sales.orders` WHERE region = \"EMEA\" AND amount >= -5 "
        + "QUALIFY ROW_NUMBER() OVER (PARTITION BY t2 ORDER BY x) = 1 -- 999 in a comment";
    Set<Literal> literals = LiteralExtractor.extract(sql);
    assertThat(literals).contains(Literal.string("EMEA"), Literal.number("-5"), Literal.number("1"))
        .doesNotContain(Literal.number("42"), Literal.number("2"), Literal.number("999"));
  }

  @Test
  void lexicalScanFindsTheSameConstantsAsTheParserOnPlainSql() {
    String sql = "SELECT a FROM t WHERE a > 100 AND b = 'x' AND c <= 2.5";
    Set<Literal> lexical = new TreeSet<>();
    LiteralExtractor.lexical(sql, lexical);
    assertThat(lexical).isEqualTo(LiteralExtractor.extract(sql));
  }

  @Test
  void combinesBothQueriesAndCapsTheCount() {
    assertThat(LiteralExtractor.extract("SELECT 1 FROM t WHERE a > 100", "SELECT 1 FROM t WHERE a >= 100"))
        .containsExactly(Literal.number("1"), Literal.number("100"));
    StringBuilder in = new StringBuilder("SELECT * FROM t WHERE a IN (0");
    for (int i = 1; i < 100; i++) {
      in.append(", ").append(i);
    }
    assertThat(LiteralExtractor.extract(in + ")")).hasSize(LiteralExtractor.MAX_LITERALS);
  }

  @Test
  void numbersAreCanonical() {
    assertThat(Literal.number("100.500")).isEqualTo(Literal.number("100.5"));
    assertThat(Literal.timestamp("2024-01-01 00:00:00")).isEqualTo(Literal.timestamp("2024-01-01T00:00"));
  }
}
