package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.emulator.EmulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code data pull} keeps BigQuery's types: a table holding ARRAY, STRUCT, JSON, NUMERIC, BIGNUMERIC, TIMESTAMP (with
 * zone), DATETIME and DATE columns, served by the emulator's BigQuery face (which describes a local DuckDB table as
 * BigQuery would: BIGINT[] as a REPEATED INTEGER, STRUCT as RECORD, JSON as JSON, DECIMAL(38,9) as NUMERIC, a wider
 * scale as BIGNUMERIC, TIMESTAMPTZ as TIMESTAMP, TIMESTAMP as DATETIME), is pulled through the official client, and
 * the Parquet file reads back in DuckDB with the mapped types (docs: JSON as text, NUMERIC/BIGNUMERIC as DECIMAL) and
 * the same values.
 */
class DataPullTypesTest {
  @TempDir Path temp;

  @Test
  void everyBigQueryTypeComesBackWithItsDuckDbTypeAndValue() throws Exception {
    Path tables = Files.createDirectories(temp.resolve("tables"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET TimeZone = 'UTC'");
      st.execute("COPY (SELECT * FROM (VALUES "
          + "(1, [1, 2, 3], {'a': 7, 'b': 'x'}, '{\"k\": [1, 2]}'::JSON, 12345.123456789::DECIMAL(38,9), "
          + "2.25::DECIMAL(38,20), TIMESTAMPTZ '2024-02-29 23:30:00+02', TIMESTAMP '2024-03-01 08:15:30', "
          + "DATE '2024-02-29'), "
          + "(2, [], {'a': NULL, 'b': 'y'}, 'null'::JSON, -0.5::DECIMAL(38,9), 0::DECIMAL(38,20), NULL, NULL, NULL)"
          + ") t(id, arr, st, j, n, bn, ts, dt, d)) TO '" + tables.resolve("typed.parquet") + "' (FORMAT parquet)");
    }
    Path config = temp.resolve("config.json");
    Files.writeString(config, "{\"name\": \"types\", \"bq_project_id\": \"types-project\", \"bq_dataset_id\": \"typed\","
        + " \"local_data\": \"" + tables.toString().replace("\\", "\\\\") + "\"}");
    Path out = temp.resolve("pulled");
    try (EmulatorServer server = EmulatorServer.builder(AgentConfigLoader.load(config)).start()) {
      CliRun run = CliTestSupport.runWithEnv(Map.of("DIA_BIGQUERY_ENDPOINT", server.bigQueryUrl()), "", "data",
          "pull", "--config-file", config.toString(), "--out", out.toString(), "--yes");
      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }
    String parquet = "read_parquet('" + out.resolve("typed.parquet") + "')";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET TimeZone = 'UTC'");
      assertThat(DataPullTest.types(st, parquet)).containsExactly("id BIGINT", "arr BIGINT[]", "st STRUCT(a BIGINT, b VARCHAR)",
          "j VARCHAR", "n DECIMAL(38,9)", "bn DECIMAL(38,9)", "ts TIMESTAMP WITH TIME ZONE", "dt TIMESTAMP", "d DATE");
      assertThat(rows(st, "SELECT id, arr::VARCHAR, st.a, st.b, j, n::VARCHAR, bn::VARCHAR, epoch(ts)::BIGINT, "
          + "dt::VARCHAR, d::VARCHAR FROM " + parquet + " ORDER BY id")).containsExactly(
          List.of("1", "[1, 2, 3]", "7", "x", "{\"k\": [1, 2]}", "12345.123456789", "2.250000000", "1709242200",
              "2024-03-01 08:15:30", "2024-02-29"),
          List.of("2", "[]", "null", "y", "null", "-0.500000000", "0.000000000", "null", "null", "null"));
    }
  }

  private static List<List<String>> rows(Statement st, String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(String.valueOf(rs.getString(i)));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
