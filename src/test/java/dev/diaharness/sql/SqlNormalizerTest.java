package dev.diaharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.testing.Gen;
import dev.diaharness.testing.SeededTest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;
import java.util.stream.Stream;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SqlNormalizerTest {

  static Stream<Arguments> stringRules() {
    return Stream.of(
        arguments("keywords upper-cased", "select a from t", "SELECT a FROM t"),
        arguments("identifiers lower-cased", "SELECT Name FROM Customers", "SELECT name FROM customers"),
        arguments("line comment dropped", "SELECT a -- why\n FROM t", "SELECT a FROM t"),
        arguments("hash comment dropped", "SELECT a # why\n FROM t", "SELECT a FROM t"),
        arguments("block comment dropped", "SELECT /* x */ a FROM t", "SELECT a FROM t"),
        arguments("trailing semicolons dropped", "SELECT a FROM t ; ;", "SELECT a FROM t"),
        arguments("whitespace collapsed", "  SELECT\ta\n\n FROM   t ", "SELECT a FROM t"),
        arguments("backticked 2-part name", "SELECT a FROM `dataset.T`", "SELECT a FROM t"),
        arguments("backticked 3-part name", "SELECT a FROM `my-proj.dataset.t`", "SELECT a FROM t"),
        arguments("unquoted 3-part name", "SELECT a FROM proj.dataset.t", "SELECT a FROM t"),
        arguments("4-part name keeps table.column", "SELECT proj.dataset.t.a FROM t", "SELECT t.a FROM t"),
        arguments("separately quoted parts", "SELECT a FROM `p`.`d`.`t`", "SELECT a FROM t"),
        arguments("plain backticked name", "SELECT `Amount` FROM t", "SELECT amount FROM t"),
        arguments("backticked keyword kept quoted", "SELECT `order` FROM t", "SELECT `order` FROM t"),
        arguments("column qualifier kept", "SELECT C.Name FROM t c", "SELECT c.name FROM t c"),
        arguments("string literal verbatim", "SELECT a FROM t WHERE s = 'CA  -- x'",
            "SELECT a FROM t WHERE s = 'CA  -- x'"),
        arguments("operator spacing", "SELECT a FROM t WHERE b>=1", "SELECT a FROM t WHERE b >= 1"),
        arguments("function spacing", "SELECT COUNT(*) FROM t", "SELECT count ( * ) FROM t"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stringRules")
  void stringRule(String rule, String sql, String expected) {
    assertThat(SqlNormalizer.normalize(sql)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "fixture query, case and qualifier | SELECT count(*) FROM `dataset.customers` | select COUNT(*) from customers;",
      "INNER JOIN spelled out            | SELECT a FROM t JOIN u ON t.id = u.id     | SELECT a FROM t INNER JOIN u ON t.id = u.id",
      "AS on a table alias               | SELECT c.a FROM t AS c                     | SELECT c.a FROM t c",
      "dataset qualifier, separate quotes| SELECT a FROM `dataset`.`t`                | SELECT a FROM t",
      "double-quoted BigQuery string     | SELECT a FROM t WHERE s = \"CA\"            | SELECT a FROM t WHERE s = 'CA'",
  })
  void exactMatchSeesThroughPresentation(String rule, String expected, String generated) {
    assertThat(SqlNormalizer.exactMatch(expected, generated)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "different literal          | SELECT a FROM t WHERE s = 'CA' | SELECT a FROM t WHERE s = 'ca'",
      "different number           | SELECT a FROM t LIMIT 5        | SELECT a FROM t LIMIT 6",
      "different column           | SELECT a FROM t                | SELECT b FROM t",
      "alias differs (kept as-is) | SELECT c.a FROM t c            | SELECT d.a FROM t d",
      "blank generated            | SELECT a FROM t                | ''",
  })
  void exactMatchKeepsRealDifferences(String rule, String expected, String generated) {
    assertThat(SqlNormalizer.exactMatch(expected, generated)).isFalse();
  }

  @Test
  void canonicalIsEmptyForUnparseableSql() {
    assertThat(SqlNormalizer.canonical("SELEC a FROM")).isEmpty();
    assertThat(SqlNormalizer.canonical("SELECT Name FROM `p.d.T`")).hasValue("SELECT name FROM t");
  }

  @SeededTest(cases = 500)
  void normalizeIsIdempotent(long seed) {
    String once = SqlNormalizer.normalize(Gen.anyString(new Random(seed), 100));
    assertThat(SqlNormalizer.normalize(once)).isEqualTo(once);
  }

  @SeededTest(cases = 500)
  void normalizeIsIdempotentOnSqlShapedText(long seed) {
    String once = SqlNormalizer.normalize(sqlNoise(new Random(seed)));
    assertThat(SqlNormalizer.normalize(once)).isEqualTo(once);
  }

  @SeededTest(cases = 500)
  void presentationVariantsMatch(long seed) {
    Random random = new Random(seed);
    String query = query(random);
    assertThat(SqlNormalizer.exactMatch(query, presentation(random).apply(query))).isTrue();
  }

  @SeededTest(cases = 500)
  void differentLiteralsNeverMatch(long seed) {
    Random random = new Random(seed);
    String a = literal(random);
    String b = literal(random);
    while (b.equals(a)) {
      b = literal(random);
    }
    Presentation how = presentation(random);
    String template = "SELECT name FROM `dataset.customers` WHERE state = %s";
    assertThat(SqlNormalizer.exactMatch(String.format(template, a), how.apply(String.format(template, b))))
        .isFalse();
  }

  /** A change of layout that must not affect the normalized form. */
  interface Presentation {
    String apply(String sql);
  }

  private static final List<Presentation> PRESENTATIONS = List.of(
      sql -> outsideLiterals(sql, " ", "   \n\t "),
      sql -> caseFlipOutsideLiterals(sql),
      sql -> "-- a comment\n" + sql + " /* trailing */ ;",
      sql -> sql.replace("`dataset.", "`my-project.dataset."),
      sql -> sql + ";");

  static Presentation presentation(Random random) {
    return Gen.oneOf(random, PRESENTATIONS);
  }

  static String query(Random random) {
    List<String> columns = List.of("name", "state", "amount", "c.name");
    String a = Gen.oneOf(random, columns);
    String b = Gen.oneOf(random, columns);
    return "SELECT " + a + ", COUNT(*) FROM `dataset.customers` c WHERE " + b + " = " + literal(random)
        + " GROUP BY " + a;
  }

  static String literal(Random random) {
    return random.nextBoolean() ? "'" + Gen.stringOf(random, "abcXYZ -_%", 0, 6) + "'"
        : String.valueOf(Gen.intBetween(random, -1000, 1000));
  }

  static String sqlNoise(Random random) {
    return Gen.tokens(random, List.of("SELECT", "select", "FROM", "`p.d.T`", "`order`", "a.b.c", "X.y", "'lit'",
        "\"s\"", "(", ")", ",", ";", "--", "/*", "*/", "#", "\n", "=", "<", ">", "1.5", ".", "`", "\\", "'", "é",
        "Order", " "), 20, "");
  }

  /** Replaces {@code from} with {@code to} outside single-quoted literals. */
  static String outsideLiterals(String sql, String from, String to) {
    String[] parts = sql.split("'", -1);
    for (int i = 0; i < parts.length; i += 2) {
      parts[i] = parts[i].replace(from, to);
    }
    return String.join("'", parts);
  }

  /** Swaps the case of letters outside single-quoted literals. */
  static String caseFlipOutsideLiterals(String sql) {
    StringBuilder out = new StringBuilder();
    boolean inLiteral = false;
    for (char c : sql.toCharArray()) {
      if (c == '\'') {
        inLiteral = !inLiteral;
      }
      out.append(inLiteral ? c : Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
    }
    return out.toString();
  }
}
