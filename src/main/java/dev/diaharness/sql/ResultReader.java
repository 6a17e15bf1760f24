package dev.diaharness.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JDBC result into a {@link ResultTable} of plain Java values: integers as Long (HUGEINT beyond a long as
 * Double), floating and decimal numbers as Double, DATE as LocalDate, TIMESTAMP as LocalDateTime (TIMESTAMPTZ in UTC),
 * TIME as LocalTime, strings, booleans and null; anything else (lists, structs, blobs) as its text. Stops at the row
 * cap. Stateless and thread-safe.
 */
final class ResultReader {
  private ResultReader() {}

  static ResultTable read(ResultSet rs, int maxRows) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int width = meta.getColumnCount();
    List<String> columns = new ArrayList<>(width);
    for (int i = 1; i <= width; i++) {
      columns.add(meta.getColumnLabel(i));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (rows.size() < maxRows && rs.next()) {
      List<Object> row = new ArrayList<>(width);
      for (int i = 1; i <= width; i++) {
        row.add(plain(rs.getObject(i)));
      }
      rows.add(row);
    }
    boolean truncated = rows.size() == maxRows && rs.next();
    return new ResultTable(columns, rows, truncated);
  }

  static Object plain(Object value) {
    if (value == null || value instanceof Long || value instanceof String || value instanceof Boolean
        || value instanceof Double || value instanceof LocalDate || value instanceof LocalDateTime) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger) {
      BigInteger big = (BigInteger) value;
      return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
    }
    if (value instanceof Float || value instanceof BigDecimal) {
      return ((Number) value).doubleValue();
    }
    return temporal(value);
  }

  private static Object temporal(Object value) {
    if (value instanceof java.sql.Timestamp) {
      return ((java.sql.Timestamp) value).toLocalDateTime();
    }
    if (value instanceof java.sql.Date) {
      return ((java.sql.Date) value).toLocalDate();
    }
    if (value instanceof java.sql.Time) {
      return ((java.sql.Time) value).toLocalTime();
    }
    if (value instanceof OffsetDateTime) {
      return ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (value instanceof java.time.LocalTime) {
      return value;
    }
    return String.valueOf(value);
  }
}
