package dev.diaharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import dev.diaharness.testing.Gen;
import dev.diaharness.testing.SeededTest;

class ResultComparatorPropertiesTest {
  /** 0..12 rows of three values: small longs, short strings, one-decimal doubles and NULLs, so duplicates occur. */
  static List<List<Object>> rows(Random random) {
    return Gen.listOf(random, 0, 12, () -> Gen.listOf(random, 3, 3, () -> value(random)));
  }

  static Object value(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> Gen.longBetween(random, -3, 3);
      case 1 -> Gen.oneOf(random, "a", "b", "");
      case 2 -> Gen.intBetween(random, -20, 20) / 10.0;
      default -> null;
    };
  }

  @SeededTest(cases = 1000)
  void aShuffledResultEqualsTheOriginalWithoutOrder(long seed) {
    Random random = new Random(seed);
    List<List<Object>> rows = rows(random);
    List<List<Object>> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, random);
    ResultComparison result = ResultComparator.compare(table(rows), table(shuffled), ComparisonOptions.DEFAULTS);
    assertThat(result.equal()).as(result.summary()).isTrue();
  }

  @SeededTest(cases = 1000)
  void permutedColumnsEqualTheOriginal(long seed) {
    List<List<Object>> rows = rows(new Random(seed));
    List<List<Object>> permuted = new ArrayList<>();
    for (List<Object> r : rows) {
      permuted.add(Arrays.asList(r.get(2), r.get(0), r.get(1)));
    }
    ResultTable actual = new ResultTable(List.of("z", "x", "y"), permuted, false);
    assertThat(ResultComparator.compare(table(rows), actual, ComparisonOptions.DEFAULTS).equal()).isTrue();
  }

  @SeededTest(cases = 1000)
  void strictComparisonIsSymmetric(long seed) {
    Random random = new Random(seed);
    List<List<Object>> a = rows(random);
    // half the time b is a with one value changed, so the equal and the nearly equal cases are both exercised
    List<List<Object>> b = random.nextBoolean() || a.isEmpty() ? rows(random) : oneValueChanged(a, random);
    boolean ab = ResultComparator.compare(table(a), table(b), ComparisonOptions.DEFAULTS).equal();
    boolean ba = ResultComparator.compare(table(b), table(a), ComparisonOptions.DEFAULTS).equal();
    assertThat(ab).isEqualTo(ba);
  }

  private static List<List<Object>> oneValueChanged(List<List<Object>> rows, Random random) {
    List<List<Object>> copy = new ArrayList<>();
    rows.forEach(r -> copy.add(new ArrayList<>(r)));
    copy.get(random.nextInt(copy.size())).set(random.nextInt(3), value(random));
    return copy;
  }

  private static ResultTable table(List<List<Object>> rows) {
    return new ResultTable(List.of("x", "y", "z"), rows, false);
  }
}
