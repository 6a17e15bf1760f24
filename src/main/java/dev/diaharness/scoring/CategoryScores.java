package dev.diaharness.scoring;

/**
 * The partial-credit score in the Python tool's six rubric categories; each within its maximum, total 0–100.
 */
@com.fasterxml.jackson.databind.annotation.JsonNaming(
    com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CategoryScores(
    int dataSource, int filtering, int columnsAggregation, int grouping, int orderingLimit, int format) {

  public static final int DATA_SOURCE_MAX = 20;
  public static final int FILTERING_MAX = 25;
  public static final int COLUMNS_AGGREGATION_MAX = 25;
  public static final int GROUPING_MAX = 15;
  public static final int ORDERING_LIMIT_MAX = 10;
  public static final int FORMAT_MAX = 5;

  public static final CategoryScores FULL = new CategoryScores(
      DATA_SOURCE_MAX, FILTERING_MAX, COLUMNS_AGGREGATION_MAX, GROUPING_MAX, ORDERING_LIMIT_MAX, FORMAT_MAX);
  public static final CategoryScores ZERO = new CategoryScores(0, 0, 0, 0, 0, 0);

  public CategoryScores {
    check("data_source", dataSource, DATA_SOURCE_MAX);
    check("filtering", filtering, FILTERING_MAX);
    check("columns_aggregation", columnsAggregation, COLUMNS_AGGREGATION_MAX);
    check("grouping", grouping, GROUPING_MAX);
    check("ordering_limit", orderingLimit, ORDERING_LIMIT_MAX);
    check("format", format, FORMAT_MAX);
  }

  private static void check(String name, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(name + " must be within 0.." + max + ", got " + value);
    }
  }

  public int total() {
    return dataSource + filtering + columnsAggregation + grouping + orderingLimit + format;
  }
}
