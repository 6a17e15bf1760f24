package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.core.Json;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code data pull} from the emulator's BigQuery face, through the official client. */
class DataPullTest {
  static final String CONFIG = "examples/ecommerce/baseline_config.json";
  static final Path DATA = Path.of("examples/ecommerce/data").toAbsolutePath();
  static final List<String> TABLES = List.of("customers", "order_items", "orders", "products");
  static EmulatorServer server;

  @TempDir Path out;

  @BeforeAll
  static void start() {
    server = EmulatorServer.builder(AgentConfigLoader.load(Path.of(CONFIG))).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Map<String, String> env() {
    return Map.of("DIA_BIGQUERY_ENDPOINT", server.bigQueryUrl());
  }

  @Test
  void wholeTablesReproduceTheExampleExactlyWithTheirTypes() throws Exception {
    CliRun run = CliTestSupport.runWithEnv(env(), "", "data", "pull", "--config-file", CONFIG, "--out",
        out.toString(), "--yes");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("your-gcp-project.ecommerce: 4 table(s), about").contains("whole");
    assertThat(run.err()).contains("[##########] 100% 3,463/3,463 rows");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      for (String table : TABLES) {
        String csv = "read_csv('" + DATA.resolve(table + ".csv") + "')";
        String parquet = "read_parquet('" + out.resolve(table + ".parquet") + "')";
        assertThat(count(st, "SELECT * FROM (SELECT * FROM " + csv + " EXCEPT ALL SELECT * FROM " + parquet + ")"))
            .as(table).isZero();
        assertThat(count(st, "SELECT * FROM (SELECT * FROM " + parquet + " EXCEPT ALL SELECT * FROM " + csv + ")"))
            .as(table).isZero();
        assertThat(types(st, parquet)).as(table).isEqualTo(types(st, csv));
      }
    }
    JsonNode manifest = Json.MAPPER.readTree(out.resolve("_pull.json").toFile());
    assertThat(manifest.get("dataset").asText()).isEqualTo("ecommerce");
    assertThat(manifest.get("tables")).hasSize(4).allSatisfy(t -> {
      assertThat(t.get("sampled").asBoolean()).isFalse();
      assertThat(t.get("rows").asLong()).isEqualTo(t.get("source_rows").asLong());
      assertThat(t.get("bytes_read").asLong()).isPositive();
    });
  }

  @ParameterizedTest
  @ValueSource(longs = {200, 500, 1000})
  void aSampleKeepsEveryForeignKeyResolvable(long maxRows) throws Exception {
    CliRun run = CliTestSupport.runWithEnv(env(), "", "data", "pull", "--config-file", CONFIG, "--out",
        out.toString(), "--yes", "--max-rows", Long.toString(maxRows), "--seed", Long.toString(maxRows));
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      String items = parquet("order_items");
      String orders = parquet("orders");
      assertThat(count(st, "SELECT * FROM " + items)).isBetween(maxRows, maxRows);
      assertThat(count(st, "SELECT * FROM " + items + " WHERE order_id NOT IN (SELECT order_id FROM " + orders
          + ")")).isZero();
      assertThat(count(st, "SELECT * FROM " + items + " WHERE product_id NOT IN (SELECT product_id FROM "
          + parquet("products") + ")")).isZero();
      assertThat(count(st, "SELECT * FROM " + orders + " WHERE customer_id NOT IN (SELECT customer_id FROM "
          + parquet("customers") + ")")).isZero();
      assertThat(count(st, "SELECT DISTINCT order_id FROM " + orders)).isEqualTo(count(st, "SELECT * FROM "
          + orders)).isGreaterThanOrEqualTo(Math.min(1500, maxRows));
      // sampled rows are real rows of the source
      assertThat(count(st, "SELECT * FROM (SELECT * FROM " + orders + " EXCEPT ALL SELECT * FROM read_csv('"
          + DATA.resolve("orders.csv") + "'))")).isZero();
    }
    JsonNode manifest = Json.MAPPER.readTree(out.resolve("_pull.json").toFile());
    List<String> sampled = new ArrayList<>();
    manifest.get("tables").forEach(t -> {
      if (t.get("sampled").asBoolean()) {
        sampled.add(t.get("table").asText());
      }
    });
    assertThat(sampled).contains("order_items");
  }

  @Test
  void withoutYesItAsksAndANoWritesNothing() throws Exception {
    CliRun run = CliTestSupport.runWithEnv(env(), "n\n", "data", "pull", "--config-file", CONFIG, "--out",
        out.resolve("pulled").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(run.out()).contains("Pull these tables? [y/N]");
    assertThat(Files.exists(out.resolve("pulled"))).isFalse();
  }

  private String parquet(String table) {
    return "read_parquet('" + out.resolve(table + ".parquet") + "')";
  }

  private static long count(Statement st, String select) throws Exception {
    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (" + select + ")")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** {@code column type} of each column of a source, as DuckDB reads it. */
  static List<String> types(Statement st, String source) throws Exception {
    List<String> types = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + source)) {
      while (rs.next()) {
        types.add(rs.getString(1) + " " + rs.getString(2));
      }
    }
    return types;
  }
}
