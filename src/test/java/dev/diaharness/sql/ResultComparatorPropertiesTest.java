package dev.diaharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ResultComparatorPropertiesTest {
  @Provide
  Arbitrary<List<List<Object>>> rows() {
    Arbitrary<Object> value = Arbitraries.oneOf(
        Arbitraries.longs().between(-3, 3).map(v -> (Object) v),
        Arbitraries.of("a", "b", "").map(v -> (Object) v),
        Arbitraries.doubles().between(-2, 2).ofScale(1).map(v -> (Object) v),
        Arbitraries.just(null));
    return value.list().ofSize(3).map(r -> (List<Object>) new ArrayList<>(r)).list().ofMaxSize(12);
  }

  @Property
  void aShuffledResultEqualsTheOriginalWithoutOrder(@ForAll("rows") List<List<Object>> rows, @ForAll long seed) {
    List<List<Object>> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(seed));
    ResultComparison result = ResultComparator.compare(table(rows), table(shuffled), ComparisonOptions.DEFAULTS);
    assertThat(result.equal()).as(result.summary()).isTrue();
  }

  @Property
  void permutedColumnsEqualTheOriginal(@ForAll("rows") List<List<Object>> rows) {
    List<List<Object>> permuted = new ArrayList<>();
    for (List<Object> r : rows) {
      permuted.add(Arrays.asList(r.get(2), r.get(0), r.get(1)));
    }
    ResultTable actual = new ResultTable(List.of("z", "x", "y"), permuted, false);
    assertThat(ResultComparator.compare(table(rows), actual, ComparisonOptions.DEFAULTS).equal()).isTrue();
  }

  @Property
  void strictComparisonIsSymmetric(@ForAll("rows") List<List<Object>> a, @ForAll("rows") List<List<Object>> b) {
    boolean ab = ResultComparator.compare(table(a), table(b), ComparisonOptions.DEFAULTS).equal();
    boolean ba = ResultComparator.compare(table(b), table(a), ComparisonOptions.DEFAULTS).equal();
    assertThat(ab).isEqualTo(ba);
  }

  private static ResultTable table(List<List<Object>> rows) {
    return new ResultTable(List.of("x", "y", "z"), rows, false);
  }
}
