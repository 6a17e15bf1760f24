package dev.diaharness.sql;

import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.sql.ComponentComparison.CategoryDiff;
import dev.diaharness.sql.QueryComponentExtractor.Extraction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a generated query against the expected one by comparing their {@link QueryComponents} in the Python tool's
 * six rubric categories (SPEC §4 step 3): each category scores {@code round(max × F1)} over its components as
 * multisets, and two empty sets are a full match. Never throws on bad SQL: see {@link ComponentComparison}.
 *
 * <p>Categories: data source = tables and joins (type + ON); filtering = WHERE and HAVING conjuncts with their
 * literals; columns and aggregation = select expressions and aggregate functions; grouping = GROUP BY expressions;
 * ordering/limit = ORDER BY items with direction, LIMIT/OFFSET; format = DISTINCT, output column count, column
 * aliases, set operators. This class is stateless and thread-safe.
 */
public final class ComponentComparer {

  private ComponentComparer() {
  }

  /** Compares {@code generated} with {@code expected}; a blank or unparseable side gives an unusable result. */
  public static ComponentComparison compare(String expected, String generated) {
    Extraction gold = QueryComponentExtractor.extract(expected);
    if (gold.components().isEmpty()) {
      return new ComponentComparison.ExpectedUnusable(gold.failure().orElse("no components"));
    }
    Extraction pred = QueryComponentExtractor.extract(generated);
    if (pred.components().isEmpty()) {
      return new ComponentComparison.GeneratedUnusable(pred.failure().orElse("no components"));
    }
    return score(gold.components().get(), pred.components().get());
  }

  /** Scores two already extracted component sets. */
  public static ComponentComparison.Scored score(QueryComponents expected, QueryComponents generated) {
    Map<ComponentCategory, List<String>> want = byCategory(expected);
    Map<ComponentCategory, List<String>> got = byCategory(generated);
    List<CategoryDiff> diffs = new ArrayList<>();
    for (ComponentCategory category : ComponentCategory.values()) {
      diffs.add(diff(category, want.get(category), got.get(category)));
    }
    CategoryScores scores = CategoryScores.from(category -> diffs.get(category.ordinal()).score());
    return new ComponentComparison.Scored(scores, diffs);
  }

  static Map<ComponentCategory, List<String>> byCategory(QueryComponents c) {
    Map<ComponentCategory, List<String>> m = new EnumMap<>(ComponentCategory.class);
    m.put(ComponentCategory.DATA_SOURCE, concat(prefixed("table ", c.tables()), prefixed("", c.joins())));
    m.put(ComponentCategory.FILTERING, concat(prefixed("WHERE ", c.filters()), prefixed("HAVING ", c.having())));
    m.put(ComponentCategory.COLUMNS_AGGREGATION,
        concat(prefixed("SELECT ", c.projections()), prefixed("aggregate ", c.aggregates())));
    m.put(ComponentCategory.GROUPING, prefixed("GROUP BY ", c.groupBy()));
    List<String> ordering = prefixed("ORDER BY ", c.orderBy());
    c.limit().ifPresent(ordering::add);
    m.put(ComponentCategory.ORDERING_LIMIT, ordering);
    List<String> format = new ArrayList<>();
    format.add(c.distinct() ? "DISTINCT" : "no DISTINCT");
    format.add("output columns " + c.outputColumns());
    format.addAll(prefixed("alias ", c.columnAliases()));
    format.addAll(prefixed("set operation ", c.setOperations()));
    m.put(ComponentCategory.FORMAT, format);
    return m;
  }

  /** round(max × F1) over multisets; two empty multisets match fully. */
  static CategoryDiff diff(ComponentCategory category, List<String> expected, List<String> generated) {
    Map<String, Integer> remaining = new HashMap<>();
    expected.forEach(e -> remaining.merge(e, 1, Integer::sum));
    List<String> extra = new ArrayList<>();
    int matched = 0;
    for (String g : generated) {
      if (remaining.getOrDefault(g, 0) > 0) {
        remaining.merge(g, -1, Integer::sum);
        matched++;
      } else {
        extra.add(g);
      }
    }
    List<String> missing = new ArrayList<>();
    remaining.forEach((e, n) -> missing.addAll(java.util.Collections.nCopies(n, e)));
    missing.sort(null);
    extra.sort(null);
    return new CategoryDiff(category, (int) Math.round(category.max() * f1(matched, expected.size(),
        generated.size())), missing, extra);
  }

  static double f1(int matched, int expectedSize, int generatedSize) {
    if (expectedSize == 0 && generatedSize == 0) {
      return 1.0;
    }
    if (matched == 0) {
      return 0.0;
    }
    return 2.0 * matched / (expectedSize + generatedSize);
  }

  private static List<String> prefixed(String prefix, List<String> values) {
    List<String> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add(prefix + v));
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
