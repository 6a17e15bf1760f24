package dev.diaharness.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.LegacySQLTypeName;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GEOGRAPHY comes as WKT text. The emulator's BigQuery face serves DuckDB tables, and DuckDB without its spatial
 * extension has no geography type, so no served table can declare one; here the writer {@code data pull} uses gets
 * the rows as the official client hands them over ({@link FieldValueList} with a GEOGRAPHY field, BigQuery's WKT
 * text), and the Parquet file must read back as VARCHAR holding that WKT.
 */
class GeographyPullTest {
  @TempDir Path temp;

  @Test
  void geographyIsWrittenAsWktText() throws Exception {
    FieldList fields = FieldList.of(Field.of("id", LegacySQLTypeName.INTEGER),
        Field.of("place", LegacySQLTypeName.GEOGRAPHY));
    Path file = temp.resolve("places.parquet");
    try (ParquetTableWriter writer = new ParquetTableWriter(fields, file)) {
      writer.write(FieldValueList.of(java.util.List.of(FieldValue.of(FieldValue.Attribute.PRIMITIVE, "1"),
          FieldValue.of(FieldValue.Attribute.PRIMITIVE, "POINT(2.3522 48.8566)")), fields));
      writer.write(FieldValueList.of(java.util.List.of(FieldValue.of(FieldValue.Attribute.PRIMITIVE, "2"),
          FieldValue.of(FieldValue.Attribute.PRIMITIVE, "POLYGON((0 0, 1 0, 1 1, 0 0))")), fields));
      writer.write(FieldValueList.of(java.util.List.of(FieldValue.of(FieldValue.Attribute.PRIMITIVE, "3"),
          FieldValue.of(FieldValue.Attribute.PRIMITIVE, null)), fields));
      assertThat(writer.finish()).isEqualTo(3);
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT typeof(place), place FROM read_parquet('" + file + "') ORDER BY id")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("VARCHAR");
      assertThat(rs.getString(2)).isEqualTo("POINT(2.3522 48.8566)");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(2)).isEqualTo("POLYGON((0 0, 1 0, 1 1, 0 0))");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(2)).isNull();
      assertThat(rs.next()).isFalse();
    }
  }
}
