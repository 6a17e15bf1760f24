package dev.diaharness.sql;

import static dev.diaharness.sql.ResultComparatorTest.col;
import static dev.diaharness.sql.ResultComparatorTest.row;
import static dev.diaharness.sql.ResultComparatorTest.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule of the comparison policy (docs/scoring.md): lenient accepts it and names it, strict refuses it. */
class PolicyComparatorTest {
  private static final String PLAIN = "SELECT a FROM t";

  static Stream<Arguments> rules() {
    ResultTable topThree = table(List.of("name", "price"), row("a", 9L), row("b", 8L), row("c", 7L));
    ResultTable fullTies = table(List.of("name", "price"), row("a", 9L), row("b", 8L), row("c", 7L), row("d", 7L));
    return Stream.of(
        Arguments.of("extra generated column", PLAIN, "SELECT a, b FROM t", col("x", 1L, 2L),
            table(List.of("x", "label"), row(1L, "one"), row(2L, "two")), false, null, "extra_columns"),
        Arguments.of("numeric text equals its number", PLAIN, PLAIN, col("y", 2025L), col("y", "2025"), false, null,
            "numeric_strings"),
        Arguments.of("unasked rounding by the answer", "SELECT AVG(x) FROM t", "SELECT ROUND(AVG(x), 2) FROM t",
            col("avg", 12.3456789), col("avg", 12.35), false, null, "rounding"),
        Arguments.of("expected rounds: compared at its precision", "SELECT ROUND(AVG(x), 1) FROM t",
            "SELECT AVG(x) FROM t", col("avg", 12.3), col("avg", 12.3456789), false, null, "rounding"),
        Arguments.of("tied rows in any order", "SELECT name, price FROM t ORDER BY price DESC",
            "SELECT name, price FROM t ORDER BY price DESC, name DESC",
            table(List.of("name", "price"), row("a", 9L), row("b", 7L), row("c", 7L)),
            table(List.of("name", "price"), row("a", 9L), row("c", 7L), row("b", 7L)), true, null,
            "tied_rows_any_order"),
        Arguments.of("any tie-break at the LIMIT cut-off", "SELECT name, price FROM t ORDER BY price DESC LIMIT 3",
            "SELECT name, price FROM t ORDER BY price DESC, name DESC LIMIT 3", topThree,
            table(List.of("name", "price"), row("a", 9L), row("b", 8L), row("d", 7L)), true, fullTies, "limit_tie"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void lenientAcceptsAndNamesTheRuleStrictRefuses(String name, String expectedSql, String generatedSql,
      ResultTable expected, ResultTable actual, boolean ordered, ResultTable full, String rule) {
    QueryShape shape = QueryShape.of(expectedSql);
    boolean rounds = QueryShape.of(generatedSql).rounds();
    PolicyComparator.Result lenient = PolicyComparator.compare(expected, actual, shape, rounds,
        ComparisonPolicy.LENIENT, ordered, () -> Optional.ofNullable(full));
    assertThat(lenient.equal()).as(name).isTrue();
    assertThat(lenient.rules()).as(name).contains(rule);
    assertThat(lenient.evidence()).containsKey("rules");
    assertThat(PolicyComparator.compare(expected, actual, shape, rounds, ComparisonPolicy.STRICT, ordered,
        () -> Optional.ofNullable(full)).equal()).as(name + " (strict)").isFalse();
  }

  static Stream<Arguments> nearMisses() {
    return Stream.of(
        Arguments.of("a missing expected column is never accepted", PLAIN, "SELECT b FROM t",
            table(List.of("x", "y"), row(1L, 2L)), col("x", 1L), false, null),
        Arguments.of("rounding to an integer nobody asked for", "SELECT AVG(x) FROM t", "SELECT ROUND(AVG(x)) FROM t",
            col("avg", 12.4), col("avg", 12.0), false, null),
        Arguments.of("a real difference beyond the rounding", "SELECT AVG(x) FROM t", "SELECT ROUND(AVG(x), 2) FROM t",
            col("avg", 12.3456), col("avg", 12.36), false, null),
        Arguments.of("rows out of order across keys", "SELECT name, price FROM t ORDER BY price DESC", PLAIN,
            table(List.of("name", "price"), row("a", 9L), row("b", 7L)),
            table(List.of("name", "price"), row("b", 7L), row("a", 9L)), true, null),
        Arguments.of("a row above the cut-off missing", "SELECT name, price FROM t ORDER BY price DESC LIMIT 3", PLAIN,
            table(List.of("name", "price"), row("a", 9L), row("b", 8L), row("c", 7L)),
            table(List.of("name", "price"), row("a", 9L), row("c", 7L), row("d", 7L)), true,
            table(List.of("name", "price"), row("a", 9L), row("b", 8L), row("c", 7L), row("d", 7L))),
        Arguments.of("infinity is not close to a number", PLAIN, PLAIN, col("r", 5.0),
            col("r", Double.POSITIVE_INFINITY), false, null),
        Arguments.of("NaN is not a number", PLAIN, PLAIN, col("r", 5.0), col("r", Double.NaN), false, null),
        Arguments.of("a text that is not a number stays text", PLAIN, PLAIN, col("y", 2025L), col("y", "2025a"),
            false, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nearMisses")
  void lenientStillRefusesNearMisses(String name, String expectedSql, String generatedSql, ResultTable expected,
      ResultTable actual, boolean ordered, ResultTable full) {
    assertThat(PolicyComparator.compare(expected, actual, QueryShape.of(expectedSql),
        QueryShape.of(generatedSql).rounds(), ComparisonPolicy.LENIENT, ordered, () -> Optional.ofNullable(full))
        .equal()).as(name).isFalse();
  }

  @Test
  void infinityAndNanEqualOnlyThemselves() {
    assertThat(ComparableValues.closeEnough(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1e-6)).isTrue();
    assertThat(ComparableValues.closeEnough(Double.NaN, Double.NaN, 1e-6)).isTrue();
    assertThat(ComparableValues.closeEnough(Double.POSITIVE_INFINITY, 1e300, 1e-6)).isFalse();
    assertThat(ComparableValues.closeEnough(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1e-6)).isFalse();
    assertThat(ComparableValues.closeEnough(Double.NaN, 0.0, 1e-6)).isFalse();
  }

  @Test
  void theShapeKnowsTheOrderKeysTheLimitAndWhatDependsOnRowOrder() {
    QueryShape shape = QueryShape.of("SELECT name, SUM(x) AS total FROM `p.d.t` GROUP BY name ORDER BY total DESC, 1 "
        + "LIMIT 5");
    assertThat(shape.orderKeyColumns()).contains(List.of(1, 0));
    assertThat(shape.limit()).hasValue(5);
    assertThat(shape.withoutLimit().orElseThrow()).doesNotContainIgnoringCase("limit");
    assertThat(shape.orderDependent()).isTrue();
    assertThat(QueryShape.of("SELECT STRING_AGG(name) FROM t").orderDependent()).isTrue();
    assertThat(QueryShape.of("SELECT name FROM t ORDER BY price").orderKeyColumns()).isEmpty();
    assertThat(QueryShape.of("SELECT COUNT(*) FROM t").orderDependent()).isFalse();
  }
}
