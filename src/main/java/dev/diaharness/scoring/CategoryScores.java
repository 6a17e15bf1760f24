package dev.diaharness.scoring;

import dev.diaharness.sql.ComponentCategory;
import java.util.function.ToIntFunction;

/**
 * The partial-credit score in the Python tool's six rubric categories ({@link ComponentCategory}, which names them
 * and holds their maxima); each within its maximum, total 0–100. This record is immutable.
 */
@com.fasterxml.jackson.databind.annotation.JsonNaming(
    com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CategoryScores(
    int dataSource, int filtering, int columnsAggregation, int grouping, int orderingLimit, int format) {

  public static final int DATA_SOURCE_MAX = ComponentCategory.DATA_SOURCE.max();
  public static final int FILTERING_MAX = ComponentCategory.FILTERING.max();
  public static final int COLUMNS_AGGREGATION_MAX = ComponentCategory.COLUMNS_AGGREGATION.max();
  public static final int GROUPING_MAX = ComponentCategory.GROUPING.max();
  public static final int ORDERING_LIMIT_MAX = ComponentCategory.ORDERING_LIMIT.max();
  public static final int FORMAT_MAX = ComponentCategory.FORMAT.max();

  public static final CategoryScores FULL = new CategoryScores(
      DATA_SOURCE_MAX, FILTERING_MAX, COLUMNS_AGGREGATION_MAX, GROUPING_MAX, ORDERING_LIMIT_MAX, FORMAT_MAX);
  public static final CategoryScores ZERO = new CategoryScores(0, 0, 0, 0, 0, 0);

  public CategoryScores {
    check(ComponentCategory.DATA_SOURCE, dataSource);
    check(ComponentCategory.FILTERING, filtering);
    check(ComponentCategory.COLUMNS_AGGREGATION, columnsAggregation);
    check(ComponentCategory.GROUPING, grouping);
    check(ComponentCategory.ORDERING_LIMIT, orderingLimit);
    check(ComponentCategory.FORMAT, format);
  }

  private static void check(ComponentCategory category, int value) {
    if (value < 0 || value > category.max()) {
      throw new IllegalArgumentException(category.key() + " must be within 0.." + category.max() + ", got " + value);
    }
  }

  /**
   * The scores {@code score} gives each category.
   *
   * @throws IllegalArgumentException naming the category when a score is outside its range
   */
  public static CategoryScores from(ToIntFunction<ComponentCategory> score) {
    return new CategoryScores(score.applyAsInt(ComponentCategory.DATA_SOURCE),
        score.applyAsInt(ComponentCategory.FILTERING), score.applyAsInt(ComponentCategory.COLUMNS_AGGREGATION),
        score.applyAsInt(ComponentCategory.GROUPING), score.applyAsInt(ComponentCategory.ORDERING_LIMIT),
        score.applyAsInt(ComponentCategory.FORMAT));
  }

  /** The score of one category. */
  public int get(ComponentCategory category) {
    return switch (category) {
      case DATA_SOURCE -> dataSource;
      case FILTERING -> filtering;
      case COLUMNS_AGGREGATION -> columnsAggregation;
      case GROUPING -> grouping;
      case ORDERING_LIMIT -> orderingLimit;
      case FORMAT -> format;
    };
  }

  public int total() {
    return dataSource + filtering + columnsAggregation + grouping + orderingLimit + format;
  }
}
