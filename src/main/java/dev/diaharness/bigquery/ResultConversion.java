package dev.diaharness.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.TableResult;
import dev.diaharness.sql.ResultTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * BigQuery rows as the same plain Java values the local sandbox reads (see {@code ResultReader}), so that results
 * compare exactly as on DuckDB: INT64 as Long, FLOAT64/NUMERIC/BIGNUMERIC as Double, DATE as LocalDate, DATETIME
 * as LocalDateTime, TIMESTAMP as LocalDateTime in UTC, TIME as LocalTime, STRING and BOOL as themselves; arrays,
 * structs, JSON, bytes and geography as their text. Stateless.
 */
final class ResultConversion {
  private ResultConversion() {}

  /** Reads up to {@code maxRows} rows; {@code truncated} says whether more remained. */
  static ResultTable read(TableResult result, int maxRows) {
    FieldList fields = result.getSchema() == null ? FieldList.of() : result.getSchema().getFields();
    List<String> columns = fields.stream().map(Field::getName).toList();
    List<List<Object>> rows = new ArrayList<>();
    boolean truncated = false;
    for (FieldValueList row : result.iterateAll()) {
      if (rows.size() == maxRows) {
        truncated = true;
        break;
      }
      List<Object> values = new ArrayList<>(fields.size());
      for (int i = 0; i < fields.size(); i++) {
        values.add(plain(fields.get(i), row.get(i)));
      }
      rows.add(values);
    }
    return new ResultTable(columns, rows, truncated);
  }

  static Object plain(Field field, FieldValue value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (field.getMode() == Field.Mode.REPEATED || value.getAttribute() != FieldValue.Attribute.PRIMITIVE) {
      return String.valueOf(value.getValue());
    }
    LegacySQLTypeName type = field.getType();
    String text = value.getStringValue();
    if (type == LegacySQLTypeName.INTEGER) {
      return value.getLongValue();
    }
    if (type == LegacySQLTypeName.FLOAT || type == LegacySQLTypeName.NUMERIC
        || type == LegacySQLTypeName.BIGNUMERIC) {
      return Double.parseDouble(text);
    }
    if (type == LegacySQLTypeName.BOOLEAN) {
      return value.getBooleanValue();
    }
    if (type == LegacySQLTypeName.DATE) {
      return LocalDate.parse(text);
    }
    if (type == LegacySQLTypeName.DATETIME) {
      return LocalDateTime.parse(text.replace(' ', 'T'));
    }
    if (type == LegacySQLTypeName.TIMESTAMP) {
      Instant instant = value.getTimestampInstant();
      return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
    if (type == LegacySQLTypeName.TIME) {
      return LocalTime.parse(text);
    }
    return text;
  }
}
