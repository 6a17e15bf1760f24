package dev.diaharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResultComparatorTest {
  private static final ComparisonOptions UNORDERED = ComparisonOptions.DEFAULTS;
  private static final ComparisonOptions ORDERED = ComparisonOptions.DEFAULTS.withOrderMatters(true);
  private static final ComparisonOptions LENIENT = ComparisonOptions.DEFAULTS.withLenientColumns(true);

  static ResultTable table(List<String> columns, Object[]... rows) {
    List<List<Object>> list = new ArrayList<>();
    for (Object[] row : rows) {
      list.add(Arrays.asList(row));
    }
    return new ResultTable(columns, list, false);
  }

  static Object[] row(Object... values) {
    return values;
  }

  static ResultTable col(String name, Object... values) {
    List<List<Object>> list = new ArrayList<>();
    for (Object v : values) {
      list.add(Arrays.asList(v));
    }
    return new ResultTable(List.of(name), list, false);
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("multiset ignores row order", col("x", 1L, 2L, 3L), col("x", 3L, 1L, 2L), UNORDERED, true),
        Arguments.of("order matters when asked", col("x", 1L, 2L, 3L), col("x", 3L, 1L, 2L), ORDERED, false),
        Arguments.of("same order passes ordered", col("x", 1L, 2L), col("x", 1L, 2L), ORDERED, true),
        Arguments.of("duplicates count: [1,1,2] != [1,2,2]", col("x", 1L, 1L, 2L), col("x", 1L, 2L, 2L),
            UNORDERED, false),
        Arguments.of("missing duplicate row", col("x", 1L, 1L), col("x", 1L), UNORDERED, false),
        Arguments.of("names ignored", col("total", 5L), col("sum_amount", 5L), UNORDERED, true),
        Arguments.of("column permutation", table(List.of("a", "b"), row(1L, "x"), row(2L, "y")),
            table(List.of("b", "a"), row("y", 2L), row("x", 1L)), UNORDERED, true),
        Arguments.of("permutation must keep rows together", table(List.of("a", "b"), row(1L, 10L), row(2L, 20L)),
            table(List.of("a", "b"), row(1L, 20L), row(2L, 10L)), UNORDERED, false),
        Arguments.of("within relative tolerance", col("x", 100.0), col("x", 100.00000001), UNORDERED, true),
        Arguments.of("beyond relative tolerance", col("x", 100.0), col("x", 100.001), UNORDERED, false),
        Arguments.of("Long equals Double", col("x", 3L), col("x", 3.0), UNORDERED, true),
        Arguments.of("BigDecimal equals Double", col("x", new BigDecimal("2.500")), col("x", 2.5), UNORDERED, true),
        Arguments.of("Integer equals Long", col("x", 7), col("x", 7L), UNORDERED, true),
        Arguments.of("DATE equals midnight TIMESTAMP", col("d", LocalDate.of(2024, 1, 31)),
            col("d", LocalDateTime.of(2024, 1, 31, 0, 0)), UNORDERED, true),
        Arguments.of("DATE differs from non-midnight TIMESTAMP", col("d", LocalDate.of(2024, 1, 31)),
            col("d", LocalDateTime.of(2024, 1, 31, 0, 0, 1)), UNORDERED, false),
        Arguments.of("strings exact", col("s", "Paris"), col("s", "paris"), UNORDERED, false),
        Arguments.of("string is not a number", col("s", "1"), col("s", 1L), UNORDERED, false),
        Arguments.of("NULL equals NULL", col("x", (Object) null), col("x", (Object) null), UNORDERED, true),
        Arguments.of("NULL differs from 0", col("x", (Object) null), col("x", 0L), UNORDERED, false),
        Arguments.of("NULL differs from empty string", col("x", (Object) null), col("x", ""), UNORDERED, false),
        Arguments.of("booleans", col("b", true, false), col("b", false, true), UNORDERED, true),
        Arguments.of("boolean is not 1", col("b", true), col("b", 1L), UNORDERED, false),
        Arguments.of("extra column fails strict", col("x", 1L),
            table(List.of("x", "y"), row(1L, "extra")), UNORDERED, false),
        Arguments.of("extra column passes lenient", col("x", 1L),
            table(List.of("y", "x"), row("extra", 1L)), LENIENT, true),
        Arguments.of("missing column fails lenient", table(List.of("x", "y"), row(1L, "a")), col("x", 1L),
            LENIENT, false),
        Arguments.of("empty vs empty is equal", col("x"), col("y"), UNORDERED, true),
        Arguments.of("empty vs non-empty", col("x"), col("x", 1L), UNORDERED, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void appliesEachComparisonRule(String rule, ResultTable expected, ResultTable actual, ComparisonOptions options,
      boolean equal) {
    ResultComparison result = ResultComparator.compare(expected, actual, options);
    assertThat(result.equal()).as(result.summary()).isEqualTo(equal);
  }

  @Test
  void emptyVersusEmptyIsFlaggedVacuous() {
    ResultComparison result = ResultComparator.compare(col("x"), col("x"), UNORDERED);
    assertThat(result.equal()).isTrue();
    assertThat(result.vacuous()).isTrue();
    assertThat(result.evidence()).containsEntry("vacuous", true);
    assertThat(ResultComparator.compare(col("x", 1L), col("x", 1L), UNORDERED).vacuous()).isFalse();
  }

  @Test
  void reportsStrictAndLenientSeparately() {
    ResultTable expected = col("x", 1L, 2L);
    ResultTable actual = table(List.of("x", "label"), row(1L, "a"), row(2L, "b"));
    ResultComparison strict = ResultComparator.compare(expected, actual, UNORDERED);
    assertThat(strict.strictEqual()).isFalse();
    assertThat(strict.lenientEqual()).isTrue();
    assertThat(strict.equal()).isFalse();
    assertThat(strict.evidence()).containsEntry("extraActualColumns", List.of("label"));
    assertThat(ResultComparator.compare(expected, actual, LENIENT).equal()).isTrue();
  }

  @Test
  void mismatchEvidenceShowsSmallestDifferingRowsAndCounts() {
    ResultTable expected = table(List.of("city", "n"), row("Paris", 3L), row("Lyon", 2L), row("Nice", 1L));
    ResultTable actual = table(List.of("n", "city"), row(3L, "Paris"), row(2L, "Lyon"), row(9L, "Nice"),
        row(1L, "Brest"));
    ResultComparison result = ResultComparator.compare(expected, actual, UNORDERED);
    assertThat(result.equal()).isFalse();
    assertThat(result.evidence())
        .containsEntry("expectedRowCount", 3)
        .containsEntry("actualRowCount", 4)
        .containsEntry("missingFromActualCount", 1)
        .containsEntry("extraInActualCount", 2)
        .containsEntry("missingFromActual", List.of("('Nice', 1)"))
        .containsEntry("extraInActual", List.of("(1, 'Brest')", "(9, 'Nice')"))
        .containsEntry("columnMapping", List.of("city#1->city#2", "n#2->n#1"));
    assertThat(result.summary()).contains("1 row(s) missing from actual, 2 extra").contains("('Nice', 1)");
  }

  @Test
  void orderedMismatchWithSameRowsNamesTheFirstDifferingPosition() {
    ResultComparison result = ResultComparator.compare(col("x", 1L, 2L, 3L), col("x", 1L, 3L, 2L), ORDERED);
    assertThat(result.equal()).isFalse();
    assertThat(result.evidence()).containsEntry("firstDifferingPosition", 2)
        .containsEntry("expectedRowAt", "(2)").containsEntry("actualRowAt", "(3)");
  }

  @Test
  void namesAColumnWhoseValuesNoActualColumnHas() {
    ResultTable expected = table(List.of("id", "total"), row(1L, 10.0), row(2L, 20.0));
    ResultTable actual = table(List.of("id", "total"), row(1L, 10.0), row(2L, 21.0));
    ResultComparison result = ResultComparator.compare(expected, actual, UNORDERED);
    assertThat(result.evidence()).containsEntry("unmatchedExpectedColumns", List.of("total"));
  }

  @Test
  void matchesManyIdenticalColumnsWithoutBlowingTheSearchBound() {
    Object[] values = new Object[12];
    Arrays.fill(values, 0L);
    ResultTable expected = table(nameList(12), values, values.clone());
    ResultComparison result = ResultComparator.compare(expected, expected, UNORDERED);
    assertThat(result.equal()).isTrue();
    assertThat((Integer) result.evidence().get("columnMappingsTried")).isLessThanOrEqualTo(1);
  }

  @Test
  void nearEqualNumbersThatSortApartStillPair() {
    ResultTable expected = table(List.of("v", "s"), row(1.0, "a"), row(1.0000000001, "b"));
    ResultTable actual = table(List.of("v", "s"), row(1.0, "b"), row(1.0000000001, "a"));
    assertThat(ResultComparator.compare(expected, actual, UNORDERED).equal()).isTrue();
  }

  @Test
  void evidenceHasNoNullValuesSoItFitsScoringEvidence() {
    ResultComparison result = ResultComparator.compare(col("x", (Object) null), col("x", 1L), UNORDERED);
    assertThat(result.evidence().values()).doesNotContainNull();
    assertThat(result.evidence()).containsEntry("missingFromActual", List.of("(NULL)"));
    new dev.diaharness.scoring.Evidence(result.summary(), result.evidence());
  }

  private static List<String> nameList(int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add("c" + i);
    }
    return names;
  }
}
