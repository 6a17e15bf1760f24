package dev.diaharness.sql;

/**
 * The six rubric categories of the Python tool (SPEC §4 step 3), with their maximum points and their one JSON name:
 * the keys of {@code categories} in a journal row, of {@code category_means} in {@code metrics.json}, of a rubric
 * judge's reply and of component evidence. Every place that names a category takes it from here.
 */
public enum ComponentCategory {
  DATA_SOURCE("data_source", 20),
  FILTERING("filtering", 25),
  COLUMNS_AGGREGATION("columns_aggregation", 25),
  GROUPING("grouping", 15),
  ORDERING_LIMIT("ordering_limit", 10),
  FORMAT("format", 5);

  private final String key;
  private final int max;

  ComponentCategory(String key, int max) {
    this.key = key;
    this.max = max;
  }

  /** The snake_case JSON name used in files, reports, judge replies and evidence. */
  public String key() {
    return key;
  }

  /** The most points the category gives; the six add up to 100. */
  public int max() {
    return max;
  }
}
