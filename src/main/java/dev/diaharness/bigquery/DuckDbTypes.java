package dev.diaharness.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.LegacySQLTypeName;
import java.util.stream.Collectors;

/**
 * BigQuery column types as DuckDB types, faithfully: INT64 → BIGINT, FLOAT64 → DOUBLE, NUMERIC → DECIMAL(38,9)
 * (or its declared precision and scale), BIGNUMERIC → DECIMAL(38, scale) (DuckDB's widest), BOOL → BOOLEAN, STRING
 * → VARCHAR, BYTES → BLOB, DATE → DATE, DATETIME → TIMESTAMP, TIMESTAMP → TIMESTAMPTZ, TIME → TIME, JSON and
 * GEOGRAPHY (as WKT) and INTERVAL/RANGE → VARCHAR, RECORD → STRUCT, REPEATED → LIST. Stateless.
 */
final class DuckDbTypes {
  private DuckDbTypes() {}

  static String of(Field field) {
    String base = scalar(field);
    return field.getMode() == Field.Mode.REPEATED ? base + "[]" : base;
  }

  private static String scalar(Field field) {
    LegacySQLTypeName type = field.getType();
    if (type == LegacySQLTypeName.RECORD) {
      return field.getSubFields().stream().map(f -> "\"" + f.getName().replace("\"", "\"\"") + "\" " + of(f))
          .collect(Collectors.joining(", ", "STRUCT(", ")"));
    }
    if (type == LegacySQLTypeName.INTEGER) {
      return "BIGINT";
    }
    if (type == LegacySQLTypeName.FLOAT) {
      return "DOUBLE";
    }
    if (type == LegacySQLTypeName.NUMERIC || type == LegacySQLTypeName.BIGNUMERIC) {
      return decimal(field, type == LegacySQLTypeName.NUMERIC ? 9 : 9);
    }
    if (type == LegacySQLTypeName.BOOLEAN) {
      return "BOOLEAN";
    }
    if (type == LegacySQLTypeName.BYTES) {
      return "BLOB";
    }
    if (type == LegacySQLTypeName.DATE) {
      return "DATE";
    }
    if (type == LegacySQLTypeName.DATETIME) {
      return "TIMESTAMP";
    }
    if (type == LegacySQLTypeName.TIMESTAMP) {
      return "TIMESTAMPTZ";
    }
    if (type == LegacySQLTypeName.TIME) {
      return "TIME";
    }
    return "VARCHAR"; // STRING, JSON, GEOGRAPHY (WKT), INTERVAL, RANGE
  }

  /** The declared precision and scale when BigQuery has them, capped at DuckDB's 38 digits. */
  private static String decimal(Field field, int defaultScale) {
    int precision = field.getPrecision() == null ? 38 : (int) Math.min(38, field.getPrecision());
    int scale = field.getScale() == null ? defaultScale : (int) Math.min(precision, field.getScale());
    return "DECIMAL(" + precision + "," + Math.min(scale, precision) + ")";
  }
}
