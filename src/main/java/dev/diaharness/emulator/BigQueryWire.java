package dev.diaharness.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Struct;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * How the emulator's BigQuery face writes types and values the way the BigQuery v2 REST API does: DuckDB column
 * types become schema fields (DECIMAL as NUMERIC or BIGNUMERIC, TIMESTAMP as DATETIME, TIMESTAMP WITH TIME ZONE as
 * TIMESTAMP, lists as REPEATED, structs as RECORD), and every cell is {@code {"v": text}} with TIMESTAMP as epoch
 * seconds (or microseconds when the client asks for int64 timestamps). Stateless.
 */
final class BigQueryWire {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSSSSS]");

  private BigQueryWire() {}

  /** A schema field for a DuckDB column type as information_schema spells it. */
  static ObjectNode field(String name, String duckDbType) {
    ObjectNode field = NODES.objectNode().put("name", name);
    String type = duckDbType.strip().toUpperCase(Locale.ROOT);
    if (type.endsWith("[]")) {
      ObjectNode element = field(name, type.substring(0, type.length() - 2));
      element.put("mode", "REPEATED");
      return element;
    }
    if (type.startsWith("STRUCT(")) {
      field.put("type", "RECORD").put("mode", "NULLABLE");
      ArrayNode nested = field.putArray("fields");
      String original = duckDbType.strip();
      for (String[] part : structFields(original.substring("STRUCT(".length(), original.length() - 1))) {
        nested.add(field(part[0], part[1]));
      }
      return field;
    }
    return field.put("type", scalarType(type)).put("mode", "NULLABLE");
  }

  private static String scalarType(String type) {
    if (type.startsWith("DECIMAL")) {
      return decimalScale(type) > 9 || decimalPrecision(type) - decimalScale(type) > 29 ? "BIGNUMERIC" : "NUMERIC";
    }
    return switch (type) {
      case "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT", "UBIGINT", "UINTEGER", "USMALLINT", "UTINYINT" ->
          "INTEGER";
      case "DOUBLE", "FLOAT", "REAL" -> "FLOAT";
      case "BOOLEAN" -> "BOOLEAN";
      case "DATE" -> "DATE";
      case "TIMESTAMP", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S" -> "DATETIME";
      case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" -> "TIMESTAMP";
      case "TIME" -> "TIME";
      case "BLOB" -> "BYTES";
      case "JSON" -> "JSON";
      default -> "STRING";
    };
  }

  private static int decimalPrecision(String type) {
    String[] ps = type.replaceAll("[^0-9,]", "").split(",");
    return ps.length > 0 && !ps[0].isEmpty() ? Integer.parseInt(ps[0]) : 18;
  }

  private static int decimalScale(String type) {
    String[] ps = type.replaceAll("[^0-9,]", "").split(",");
    return ps.length > 1 ? Integer.parseInt(ps[1]) : 3;
  }

  /** {@code a INTEGER, b VARCHAR} → [[a, INTEGER], [b, VARCHAR]], splitting only at top-level commas. */
  private static List<String[]> structFields(String inner) {
    List<String[]> fields = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= inner.length(); i++) {
      char c = i < inner.length() ? inner.charAt(i) : ',';
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (c == ',' && depth == 0) {
        String part = inner.substring(start, i).strip();
        int space = part.indexOf(' ');
        fields.add(new String[] {part.substring(0, space).replace("\"", ""), part.substring(space + 1)});
        start = i + 1;
      }
    }
    return fields;
  }

  /** The schema of a query result, from the plain Java values it holds (see {@code ResultReader}). */
  static ObjectNode fieldForValues(String name, List<List<Object>> rows, int column) {
    for (List<Object> row : rows) {
      Object v = row.get(column);
      if (v != null) {
        return NODES.objectNode().put("name", name).put("type", typeOfValue(v)).put("mode", "NULLABLE");
      }
    }
    return NODES.objectNode().put("name", name).put("type", "STRING").put("mode", "NULLABLE");
  }

  private static String typeOfValue(Object v) {
    if (v instanceof Long || v instanceof Integer) {
      return "INTEGER";
    }
    if (v instanceof Double || v instanceof Float) {
      return "FLOAT";
    }
    if (v instanceof BigDecimal) {
      return "NUMERIC";
    }
    if (v instanceof Boolean) {
      return "BOOLEAN";
    }
    if (v instanceof LocalDate) {
      return "DATE";
    }
    if (v instanceof LocalDateTime) {
      return "DATETIME";
    }
    if (v instanceof LocalTime) {
      return "TIME";
    }
    return "STRING";
  }

  /** One row: {@code {"f": [{"v": …}, …]}}. */
  static ObjectNode row(List<Object> values, boolean int64Timestamps) throws SQLException {
    ObjectNode row = NODES.objectNode();
    ArrayNode cells = row.putArray("f");
    for (Object value : values) {
      cells.addObject().set("v", cell(value, int64Timestamps));
    }
    return row;
  }

  /** A cell's value: text for scalars, an array of {v} for lists, {f: [...]} for structs, null for NULL. */
  static JsonNode cell(Object value, boolean int64Timestamps) throws SQLException {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Array array) {
      ArrayNode items = NODES.arrayNode();
      for (Object item : (Object[]) array.getArray()) {
        items.addObject().set("v", cell(item, int64Timestamps));
      }
      return items;
    }
    if (value instanceof Struct struct) {
      // Arrays.asList, not List.of: a struct field may be NULL
      return row(java.util.Arrays.asList(struct.getAttributes()), int64Timestamps);
    }
    return NODES.textNode(scalarText(value, int64Timestamps));
  }

  private static String scalarText(Object value, boolean int64Timestamps) {
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Double d) {
      return d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : BigDecimal.valueOf(d).toString();
    }
    if (value instanceof java.sql.Timestamp t) {
      return DATETIME.format(t.toLocalDateTime());
    }
    if (value instanceof LocalDateTime t) {
      return DATETIME.format(t);
    }
    if (value instanceof OffsetDateTime t) {
      long micros = Math.multiplyExact(t.toEpochSecond(), 1_000_000L) + t.getNano() / 1_000;
      return int64Timestamps ? Long.toString(micros) : BigDecimal.valueOf(micros, 6).toPlainString();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof java.sql.Blob blob) {
      try {
        return Base64.getEncoder().encodeToString(blob.getBytes(1, (int) blob.length()));
      } catch (SQLException e) {
        return "";
      }
    }
    return value.toString();
  }
}
