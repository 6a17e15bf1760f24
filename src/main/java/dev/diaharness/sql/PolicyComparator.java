package dev.diaharness.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Compares an answer's result with the expected one under a {@link ComparisonPolicy} (docs/scoring.md, "Comparison
 * policy"). Strict: {@link ResultComparator} with exact columns, rows as a sequence when the expected SQL orders at
 * the top level. Lenient, when strict finds a difference, also accepts, and names in the evidence ({@code rules}):
 * <ul>
 *   <li>{@code extra_columns}: the answer has every expected column plus others;
 *   <li>{@code numeric_strings}: {@code '2025'} equals {@code 2025};
 *   <li>{@code rounding}: numbers compared at the expected result's precision when the expected SQL rounds, or at the
 *       answer's (one decimal at least) when only the answer rounds;
 *   <li>{@code tied_rows_any_order}: rows with equal ORDER BY keys in any order;
 *   <li>{@code limit_tie}: at a LIMIT whose cut-off key is tied, any of the tied rows (the expected rows' cut-off
 *       key decides).
 * </ul>
 * Stateless and thread-safe.
 */
public final class PolicyComparator {
  static final String TIE_GROUP = "__tie_group";

  private PolicyComparator() {}

  /** The verdict, the rules it needed (empty: equal as they are), and the detailed comparison for evidence. */
  public record Result(boolean equal, List<String> rules, ResultComparison comparison) {
    public Result {
      rules = List.copyOf(rules);
    }

    /** The comparison's evidence with the rules added. */
    public Map<String, Object> evidence() {
      Map<String, Object> out = new LinkedHashMap<>(comparison.evidence());
      if (equal) {
        out.put("rules", rules.isEmpty() ? List.of("same_rows") : rules);
      }
      return out;
    }
  }

  /**
   * @param expectedShape the expected SQL's shape ({@link QueryShape#of})
   * @param actualRounds the answer's SQL rounds ({@link QueryShape#rounds()})
   * @param expectedWithoutLimit the expected query's result without its LIMIT on the same database (asked only for
   *     the LIMIT-tie rule)
   */
  public static Result compare(ResultTable expected, ResultTable actual, QueryShape expectedShape, boolean actualRounds,
      ComparisonPolicy policy, boolean orderMatters, Supplier<Optional<ResultTable>> expectedWithoutLimit) {
    ComparisonOptions strictOptions = ComparisonOptions.DEFAULTS.withOrderMatters(orderMatters);
    ResultComparison strict = ResultComparator.compare(expected, actual, strictOptions);
    if (strict.equal() || policy == ComparisonPolicy.STRICT) {
      return new Result(strict.equal(), List.of(), strict);
    }
    List<String> rules = new ArrayList<>();
    ResultTable e = LenientValues.numericText(expected);
    ResultTable a = LenientValues.numericText(actual);
    if (!LenientValues.sameValues(e, expected) || !LenientValues.sameValues(a, actual)) {
      rules.add("numeric_strings");
    }
    Optional<Integer> decimals = expectedShape.rounds() ? Optional.of(LenientValues.decimals(e))
        : actualRounds ? Optional.of(LenientValues.decimals(a)).filter(d -> d >= 1) : Optional.empty();
    if (decimals.isPresent()) {
      ResultTable er = LenientValues.round(e, decimals.get());
      ResultTable ar = LenientValues.round(a, decimals.get());
      if (!LenientValues.sameValues(er, e) || !LenientValues.sameValues(ar, a)) {
        rules.add("rounding");
      }
      e = er;
      a = ar;
    }
    ComparisonOptions lenient = strictOptions.withLenientColumns(true);
    Optional<List<Integer>> keys = expectedShape.orderKeyColumns();
    ResultComparison c;
    if (orderMatters && keys.isPresent() && e.rowCount() == a.rowCount()) {
      c = ResultComparator.compare(e, a, lenient);
      if (!c.equal()) {
        List<Long> groups = TieGroups.of(e, keys.get());
        ResultComparison grouped = ResultComparator.compare(TieGroups.withGroups(e, groups),
            TieGroups.withGroups(a, groups), lenient.withOrderMatters(false));
        if (grouped.equal()) {
          rules.add("tied_rows_any_order");
          c = grouped;
        }
      }
    } else {
      c = ResultComparator.compare(e, a, lenient);
    }
    if (c.equal()) {
      if (!c.strictEqual() || actual.columns().size() > expected.columns().size()) {
        rules.add("extra_columns");
      }
      return new Result(true, rules, c);
    }
    if (expectedShape.limit().isPresent() && keys.isPresent() && !e.isEmpty() && e.rowCount() == a.rowCount()) {
      Optional<ResultTable> full = expectedWithoutLimit.get();
      if (full.isPresent()) {
        ResultTable text = LenientValues.numericText(full.get());
        ResultTable f = decimals.map(d -> LenientValues.round(text, d)).orElse(text);
        if (LimitTie.accepts(e, f, a, keys.get(), orderMatters)) {
          rules.add("limit_tie");
          if (a.columns().size() > e.columns().size()) {
            rules.add("extra_columns");
          }
          Map<String, Object> ev = new LinkedHashMap<>(strict.evidence());
          ev.put("tiedAtCutoff", f.rowCount() - e.rowCount());
          return new Result(true, rules, new ResultComparison(true, false, true, false,
              "same rows up to a tie-break among the rows tied at the LIMIT cut-off", ev));
        }
      }
    }
    return new Result(false, List.of(), strict);
  }
}
