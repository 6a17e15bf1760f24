package dev.diaharness.sql;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/**
 * BigQuery type names → DuckDB type names, for CAST and SAFE_CAST. NUMERIC becomes DECIMAL(38,9) (BigQuery's
 * precision and scale; DuckDB's bare DECIMAL is (18,3)); BIGNUMERIC also becomes DECIMAL(38,9), the widest DuckDB
 * decimal. Stateless and thread-safe.
 */
final class TypeMapping {
  private static final String NUMERIC = "DECIMAL(38,9)";
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("INT64", "BIGINT"), Map.entry("INT", "BIGINT"), Map.entry("INTEGER", "BIGINT"),
          Map.entry("SMALLINT", "BIGINT"), Map.entry("BIGINT", "BIGINT"), Map.entry("TINYINT", "BIGINT"),
          Map.entry("BYTEINT", "BIGINT"), Map.entry("FLOAT64", "DOUBLE"), Map.entry("FLOAT", "DOUBLE"),
          Map.entry("DOUBLE", "DOUBLE"), Map.entry("NUMERIC", NUMERIC), Map.entry("DECIMAL", NUMERIC),
          Map.entry("BIGNUMERIC", NUMERIC), Map.entry("BIGDECIMAL", NUMERIC), Map.entry("STRING", "VARCHAR"),
          Map.entry("BOOL", "BOOLEAN"), Map.entry("BOOLEAN", "BOOLEAN"), Map.entry("DATE", "DATE"),
          Map.entry("DATETIME", "TIMESTAMP"), Map.entry("TIMESTAMP", "TIMESTAMP"), Map.entry("TIME", "TIME"),
          Map.entry("BYTES", "BLOB"));

  private TypeMapping() {}

  /** @throws UnsupportedConstructException for ARRAY, STRUCT, JSON, GEOGRAPHY, INTERVAL, RANGE and unknown types */
  static String duckDbType(ColDataType type) {
    String name = type.getDataType().toUpperCase(Locale.ROOT).strip();
    String base = TYPES.get(name);
    if (base == null || (type.getArrayData() != null && !type.getArrayData().isEmpty())) {
      throw new UnsupportedConstructException("CAST AS " + name, "type " + name + " has no DuckDB mapping here");
    }
    List<String> args = type.getArgumentsStringList();
    if (base.equals(NUMERIC) && args != null && !args.isEmpty()) {
      return decimal(args);
    }
    return base;
  }

  /** NUMERIC(P[, S]) keeps its precision and scale, capped at DuckDB's maximum precision of 38. */
  private static String decimal(List<String> args) {
    int precision = Math.min(38, Integer.parseInt(args.get(0).strip()));
    int scale = args.size() > 1 ? Math.min(precision, Integer.parseInt(args.get(1).strip())) : 0;
    return "DECIMAL(" + precision + "," + scale + ")";
  }
}
