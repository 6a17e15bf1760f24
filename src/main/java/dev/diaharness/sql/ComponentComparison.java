package dev.diaharness.sql;

import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.scoring.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of {@link ComponentComparer#compare}: {@link Scored}, or why no score could be computed. The caller
 * maps {@link ExpectedUnusable} to {@code GOLD_ERROR} and {@link GeneratedUnusable} to {@code PRED_ERROR}.
 */
public sealed interface ComponentComparison
    permits ComponentComparison.Scored, ComponentComparison.ExpectedUnusable, ComponentComparison.GeneratedUnusable {

  /** The expected SQL did not parse or is not a query: a golden-set problem. */
  record ExpectedUnusable(String reason) implements ComponentComparison {
    public ExpectedUnusable {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The generated SQL did not parse or is not a query (the expected SQL was fine). */
  record GeneratedUnusable(String reason) implements ComponentComparison {
    public GeneratedUnusable {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Both parsed: the category scores and, per category, what was missing or extra. */
  record Scored(CategoryScores scores, List<CategoryDiff> categories) implements ComponentComparison {
    public Scored {
      Objects.requireNonNull(scores, "scores");
      categories = List.copyOf(categories);
    }

    public int total() {
      return scores.total();
    }

    /** Evidence naming each category's score and its missing/extra components (only categories that lost points). */
    public Evidence toEvidence() {
      Map<String, Object> details = new LinkedHashMap<>();
      List<String> lost = new ArrayList<>();
      for (CategoryDiff diff : categories) {
        details.put(diff.category().key(), diff.toMap());
        if (diff.score() < diff.category().max()) {
          lost.add(diff.category().key() + " " + diff.score() + "/" + diff.category().max());
        }
      }
      String summary = "components " + total() + "/100"
          + (lost.isEmpty() ? ": all categories match" : ": " + String.join(", ", lost));
      return new Evidence(summary, details);
    }
  }

  /**
   * One category's comparison: its score and the components only the expected query has (missing) or only the
   * generated query has (extra), as normalized text.
   */
  record CategoryDiff(ComponentCategory category, int score, List<String> missing, List<String> extra) {
    public CategoryDiff {
      Objects.requireNonNull(category, "category");
      if (score < 0 || score > category.max()) {
        throw new IllegalArgumentException("score must be within 0.." + category.max() + ", got " + score);
      }
      missing = List.copyOf(missing);
      extra = List.copyOf(extra);
    }

    Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("score", score);
      map.put("max", category.max());
      map.put("missing", missing);
      map.put("extra", extra);
      return map;
    }
  }
}
