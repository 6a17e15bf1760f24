package dev.diaharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.testing.Gen;
import dev.diaharness.testing.SeededTest;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlExtractorTest {

  static Stream<Arguments> replies() {
    return Stream.of(
        Arguments.of("sql fence wins over an earlier plain fence",
            "Here is some data:\n```\nSELECT 1\n```\nand the query:\n```sql\nSELECT name FROM customers;\n```\n",
            "SELECT name FROM customers"),
        Arguments.of("upper-case SQL fence tag",
            "```SQL\nSELECT COUNT(*) FROM `dataset.orders`\n```", "SELECT COUNT(*) FROM `dataset.orders`"),
        Arguments.of("untagged fence starting with SELECT, after a python fence",
            "```python\nprint('hi')\n```\nThen:\n```\nselect id from t\n```", "select id from t"),
        Arguments.of("bigquery-tagged fence starting with WITH",
            "```googlesql\nWITH x AS (SELECT 1 AS a)\nSELECT a FROM x\n```", "WITH x AS (SELECT 1 AS a)\nSELECT a FROM x"),
        Arguments.of("bare SELECT ending at a semicolon",
            "The query was SELECT name FROM products WHERE price > 10; it returned 3 rows.",
            "SELECT name FROM products WHERE price > 10"),
        Arguments.of("bare SELECT followed by prose on the same line",
            "SELECT x FROM t WHERE y = 1 This query returns the rows you asked for.",
            "SELECT x FROM t WHERE y = 1"),
        Arguments.of("bare SELECT followed by a sentence after a full stop",
            "I ran SELECT COUNT(*) FROM customers. The answer is 42.", "SELECT COUNT(*) FROM customers"),
        Arguments.of("multi-line bare SELECT ending at a blank line",
            "SELECT c.region, COUNT(*)\nFROM customers c\nGROUP BY c.region\n\nThere are 4 regions.",
            "SELECT c.region, COUNT(*)\nFROM customers c\nGROUP BY c.region"),
        Arguments.of("multi-line bare SELECT ending at a prose line",
            "SELECT name\nFROM products\nORDER BY price DESC\nLIMIT 5\nThese are the five most expensive products.",
            "SELECT name\nFROM products\nORDER BY price DESC\nLIMIT 5"),
        Arguments.of("bare SELECT ending at a markdown bullet",
            "SELECT id FROM orders\n- it lists every order", "SELECT id FROM orders"),
        Arguments.of("lower-case bare select at the start of a line",
            "select category, sum(price) from products group by category",
            "select category, sum(price) from products group by category"),
        Arguments.of("bare CTE outside any fence",
            "The SQL used:\nWITH recent AS (SELECT * FROM orders WHERE order_date >= '2024-01-01')\n"
                + "SELECT COUNT(*) FROM recent\n\nIt counts recent orders.",
            "WITH recent AS (SELECT * FROM orders WHERE order_date >= '2024-01-01')\nSELECT COUNT(*) FROM recent"),
        Arguments.of("prose inside a string literal does not end the statement",
            "SELECT * FROM t WHERE note = 'This order was late. The customer called'",
            "SELECT * FROM t WHERE note = 'This order was late. The customer called'"),
        Arguments.of("a comment inside the statement does not end it",
            "SELECT a -- This is the total amount\nFROM t", "SELECT a -- This is the total amount\nFROM t"),
        Arguments.of("capitalised identifiers are not prose",
            "SELECT Name, Region FROM Customers WHERE Region = 'EU'",
            "SELECT Name, Region FROM Customers WHERE Region = 'EU'"),
        Arguments.of("english 'with' and 'select' are not SQL",
            "I can help with that. Please select a table from the list.", null),
        Arguments.of("no SQL at all", "There are 42 customers in total.", null),
        Arguments.of("empty sql fence falls through to the bare statement",
            "```sql\n```\nSELECT 1", "SELECT 1"),
        Arguments.of("unclosed sql fence at the end of a truncated reply",
            "```sql\nSELECT a FROM b", "SELECT a FROM b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replies")
  void extractsTheSqlOfARealisticReply(String rule, String reply, String expected) {
    assertThat(SqlExtractor.extract(reply)).isEqualTo(Optional.ofNullable(expected));
  }

  @SeededTest(cases = 1000)
  void neverReturnsBlankAndAlwaysASubstringOfTheInput(long seed) {
    Random random = new Random(seed);
    // half any text, half text that contains the words the extractor looks for
    String text = random.nextBoolean() ? Gen.anyString(random, 200)
        : Gen.tokens(random, java.util.List.of("```", "```sql", "SELECT", "select", "WITH", "FROM", "x", ";", ".",
            "\n", "\n\n", " ", "'", "- ", "The", Gen.anyString(random, 5)), 30, "");
    SqlExtractor.extract(text).ifPresent(sql -> {
      assertThat(sql).isNotBlank();
      assertThat(text).contains(sql);
    });
  }

  @SeededTest(cases = 1000)
  void aFencedQueryIsFoundWhateverProseSurroundsIt(long seed) {
    Random random = new Random(seed);
    String before = prose(random);
    String after = prose(random);
    String sql = "SELECT id, amount FROM orders WHERE amount > 100";
    assertThat(SqlExtractor.extract(before + "\n```sql\n" + sql + "\n```\n" + after)).contains(sql);
  }

  static String prose(Random random) {
    return Gen.stringOf(random, "abcdefghij ,.ABC\n", 0, 60);
  }
}
