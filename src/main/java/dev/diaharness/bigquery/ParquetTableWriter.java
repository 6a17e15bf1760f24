package dev.diaharness.bigquery;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.LegacySQLTypeName;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes BigQuery rows as one Parquet file with the columns' types mapped faithfully ({@link DuckDbTypes}). Rows are
 * streamed to a temporary JSON-lines file as they arrive (so a table never sits in memory), then DuckDB reads that
 * file with the exact column types and writes the Parquet file. Not thread-safe: one table per writer.
 */
final class ParquetTableWriter implements AutoCloseable {
  private final FieldList fields;
  private final Path target;
  private final Path staging;
  private final OutputStream out;
  private final JsonGenerator json;
  private long rows;

  ParquetTableWriter(FieldList fields, Path target) {
    this.fields = fields;
    this.target = target;
    try {
      this.staging = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".jsonl");
      this.out = Files.newOutputStream(staging);
      this.json = new com.fasterxml.jackson.core.JsonFactory().createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write in " + target.getParent(), e);
    }
  }

  void write(FieldValueList row) {
    try {
      json.writeStartObject();
      for (int i = 0; i < fields.size(); i++) {
        json.writeFieldName(fields.get(i).getName());
        value(fields.get(i), row.get(i), true);
      }
      json.writeEndObject();
      json.writeRaw('\n');
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage rows for " + target, e);
    }
  }

  long rows() {
    return rows;
  }

  /** Converts the staged rows to Parquet at the target path; returns the row count. */
  long finish() {
    try {
      json.close();
      out.close();
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
        st.execute("SET threads = 1");
        st.execute("COPY (SELECT " + selectList() + " FROM read_json(" + literal(staging) + ", format = "
            + "'newline_delimited', columns = {" + columnTypes() + "})) TO " + literal(target)
            + " (FORMAT PARQUET)");
      }
      return rows;
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    try {
      json.close();
      out.close();
      Files.deleteIfExists(staging);
    } catch (IOException e) {
      // a leftover hidden staging file is harmless: the loader skips hidden files
    }
  }

  private String columnTypes() {
    List<String> columns = new ArrayList<>();
    for (Field f : fields) {
      String type = isTopLevelBytes(f) ? "VARCHAR" : DuckDbTypes.of(f);
      columns.add(literal(f.getName()) + ": " + literal(type));
    }
    return String.join(", ", columns);
  }

  private String selectList() {
    List<String> columns = new ArrayList<>();
    for (Field f : fields) {
      String name = "\"" + f.getName().replace("\"", "\"\"") + "\"";
      columns.add(isTopLevelBytes(f) ? "from_base64(" + name + ") AS " + name : name);
    }
    return String.join(", ", columns);
  }

  private static boolean isTopLevelBytes(Field f) {
    return f.getType() == LegacySQLTypeName.BYTES && f.getMode() != Field.Mode.REPEATED;
  }

  private void value(Field field, FieldValue value, boolean allowRepeated) throws IOException {
    if (value == null || value.isNull()) {
      json.writeNull();
      return;
    }
    if (allowRepeated && field.getMode() == Field.Mode.REPEATED) {
      json.writeStartArray();
      for (FieldValue item : value.getRepeatedValue()) {
        value(field, item, false);
      }
      json.writeEndArray();
      return;
    }
    LegacySQLTypeName type = field.getType();
    if (type == LegacySQLTypeName.RECORD) {
      FieldValueList record = value.getRecordValue();
      json.writeStartObject();
      for (int i = 0; i < field.getSubFields().size(); i++) {
        json.writeFieldName(field.getSubFields().get(i).getName());
        value(field.getSubFields().get(i), record.get(i), true);
      }
      json.writeEndObject();
    } else if (type == LegacySQLTypeName.INTEGER) {
      json.writeNumber(value.getLongValue());
    } else if (type == LegacySQLTypeName.FLOAT) {
      double d = value.getDoubleValue();
      if (Double.isFinite(d)) {
        json.writeNumber(d);
      } else {
        json.writeString(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
      }
    } else if (type == LegacySQLTypeName.BOOLEAN) {
      json.writeBoolean(value.getBooleanValue());
    } else if (type == LegacySQLTypeName.TIMESTAMP) {
      json.writeString(value.getTimestampInstant().toString());
    } else {
      json.writeString(value.getStringValue()); // exact decimal text, dates, times, WKT, JSON text, base64
    }
  }

  private static String literal(Object text) {
    return "'" + text.toString().replace("'", "''") + "'";
  }
}
