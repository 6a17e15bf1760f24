package dev.diaharness.sql;

import dev.diaharness.scoring.CategoryScores;

/** The six rubric categories of the Python tool (SPEC §4 step 3), with their maximum points and report keys. */
public enum ComponentCategory {
  DATA_SOURCE("data_source", CategoryScores.DATA_SOURCE_MAX),
  FILTERING("filtering", CategoryScores.FILTERING_MAX),
  COLUMNS_AGGREGATION("columns_aggregation", CategoryScores.COLUMNS_AGGREGATION_MAX),
  GROUPING("grouping", CategoryScores.GROUPING_MAX),
  ORDERING_LIMIT("ordering_limit", CategoryScores.ORDERING_LIMIT_MAX),
  FORMAT("format", CategoryScores.FORMAT_MAX);

  private final String key;
  private final int max;

  ComponentCategory(String key, int max) {
    this.key = key;
    this.max = max;
  }

  /** The snake_case name used in reports and evidence. */
  public String key() {
    return key;
  }

  public int max() {
    return max;
  }
}
