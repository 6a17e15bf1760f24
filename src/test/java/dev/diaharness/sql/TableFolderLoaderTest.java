package dev.diaharness.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.core.InputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableFolderLoaderTest {
  private final TableFolderLoader loader = new TableFolderLoader();

  @TempDir Path dir;

  @Test
  void loadsEveryFormatUnderItsFileName() throws Exception {
    Files.writeString(dir.resolve("customers.csv"), "id,name,region\n1,Ann,West\n2,Bob,\n3,\"Lee, Jr.\",East\n");
    Files.writeString(dir.resolve("events.jsonl"), "{\"id\": 1, \"kind\": \"a\"}\n{\"id\": 2, \"kind\": \"b\"}\n");
    Files.writeString(dir.resolve("tags.json"), "[{\"tag\": \"x\"}, {\"tag\": \"y\"}, {\"tag\": \"z\"}, {\"tag\": null}]");
    Files.writeString(dir.resolve("clicks.ndjson"), "{\"n\": 5}\n");
    writeParquet(dir.resolve("sales.parquet"), 7);

    try (EmbeddedDatabase db = loader.load(dir)) {
      assertThat(db.tables()).containsExactlyInAnyOrderEntriesOf(
          Map.of("customers", 3L, "events", 2L, "tags", 4L, "clicks", 1L, "sales", 7L));
      assertThat(column(db, "SELECT name FROM customers ORDER BY id")).containsExactly("Ann", "Bob", "Lee, Jr.");
      assertThat(column(db, "SELECT region FROM customers ORDER BY id")).containsExactly("West", null, "East");
      assertThat(column(db, "SELECT sum(amount) FROM sales")).containsExactly(28.0);
    }
  }

  @Test
  void csvInfersTypesFromTheWholeFileAndAlwaysReadsTheFirstRowAsHeader() throws Exception {
    // all-text columns: the sniffer cannot tell header from data by type, the header must still be the header
    Files.writeString(dir.resolve("people.csv"), "name,region\nAnn,West\nBob,East\n");
    StringBuilder late = new StringBuilder("id,code\n");
    for (int i = 0; i < 30_000; i++) {
      late.append(i).append(',').append(i).append('\n');
    }
    late.append("30000,X1\n"); // a text value after the sniffer's default sample
    Files.writeString(dir.resolve("codes.csv"), late.toString());
    Files.writeString(dir.resolve("typed.csv"), "id,price,day,flag\n1,9.50,2024-02-29,true\n2,,,\n");

    try (EmbeddedDatabase db = loader.load(dir)) {
      assertThat(db.tables()).containsEntry("people", 2L).containsEntry("codes", 30_001L);
      assertThat(column(db, "SELECT name FROM people")).containsExactly("Ann", "Bob");
      assertThat(column(db, "SELECT code FROM codes WHERE id = 30000")).containsExactly("X1");
      assertThat(column(db, "SELECT data_type FROM information_schema.columns WHERE table_name = 'typed'"
          + " ORDER BY ordinal_position")).containsExactly("BIGINT", "DOUBLE", "DATE", "BOOLEAN");
    }
  }

  @Test
  void csvWithByteOrderMarkAndCrlfLoads() throws Exception {
    Files.writeString(dir.resolve("t.csv"), "\uFEFFid,name\r\n1,A\r\n2,B\r\n");
    try (EmbeddedDatabase db = loader.load(dir)) {
      assertThat(column(db, "SELECT name FROM t ORDER BY id")).containsExactly("A", "B");
    }
  }

  @Test
  void headerOnlyCsvIsAnEmptyTable() throws Exception {
    Files.writeString(dir.resolve("t.csv"), "id,name\n");
    try (EmbeddedDatabase db = loader.load(dir)) {
      assertThat(db.tables()).containsEntry("t", 0L);
    }
  }

  @Test
  void uuidStringsStayStrings() throws Exception {
    Files.writeString(dir.resolve("t.json"), "{\"id\": \"599d100e-e706-4266-9a74-95dde0062b54\"}\n");
    try (EmbeddedDatabase db = loader.load(dir)) {
      assertThat(column(db, "SELECT typeof(id) FROM t")).containsExactly("VARCHAR");
      assertThat(column(db, "SELECT upper(id) FROM t")).containsExactly("599D100E-E706-4266-9A74-95DDE0062B54");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unterminated quote           | id,name\\n1,\"Ann\\n2,Bob\\n                | row 1",
      "stray quote inside a value   | id,name\\n1,Ann\\n2,\"B\"ob\"\\n              | row 2",
      "extra field                  | id,name\\n1,Ann\\n2,Bob\\n3,Cy,extra\\n      | row 3: 3 fields, but the header has 2",
      "missing field                | id,name,region\\n1,Ann,West\\n2,Bob\\n       | row 2: 2 fields, but the header has 3",
  })
  void malformedCsvNamesTheFileAndTheRow(String why, String content, String where) throws IOException {
    Path file = dir.resolve("broken.csv");
    Files.writeString(file, content.replace("\\n", "\n"));
    assertThatThrownBy(() -> loader.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": table file does not parse: ")
        .hasMessageContaining(where)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "truncated object   | orders.json  | {\"a\": 1}\\n{\"a\": 2,\\n",
      "not json at all    | orders.jsonl | hello world\\n",
      "unclosed array     | orders.json  | [{\"a\": 1},\\n",
  })
  void invalidJsonNamesTheFile(String why, String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content.replace("\\n", "\n"));
    assertThatThrownBy(() -> loader.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": table file does not parse")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void emptyTableFileIsNamed() throws IOException {
    Path file = dir.resolve("orders.csv");
    Files.writeString(file, "\n");
    assertThatThrownBy(() -> loader.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": table file is empty (a table needs at least a header or one record)");
  }

  @Test
  void missingFolder() {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> loader.load(missing))
        .isInstanceOf(InputException.class)
        .hasMessage(missing + ": data folder does not exist");
  }

  @Test
  void folderWithoutTableFiles() throws IOException {
    Files.writeString(dir.resolve("README.txt"), "not a table");
    Files.writeString(dir.resolve(".hidden.csv"), "a\n1\n");
    assertThatThrownBy(() -> loader.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("no table files");
  }

  @Test
  void twoFilesForOneTable() throws IOException {
    Files.writeString(dir.resolve("t.csv"), "a\n1\n");
    Files.writeString(dir.resolve("t.json"), "{\"a\": 1}\n");
    assertThatThrownBy(() -> loader.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("a second file for table 't'");
  }

  @Test
  void invalidTableName() throws IOException {
    Path file = dir.resolve("my-orders.csv");
    Files.writeString(file, "a\n1\n");
    assertThatThrownBy(() -> loader.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": 'my-orders' is not a valid table name");
  }

  @Test
  void pythonToolNdjsonTablesLoad() throws Exception {
    Path folder = fixtures("fixtures/dia-original");
    try (EmbeddedDatabase db = loader.load(folder)) {
      assertThat(db.tables()).containsExactlyInAnyOrderEntriesOf(
          Map.of("customers", 100L, "products", 50L, "orders", 500L, "order_items", 1476L));
      assertThat(column(db, "SELECT count(*) FROM order_items i JOIN orders o ON i.order_id = o.id"))
          .containsExactly(1476L);
      assertThat(column(db, "SELECT typeof(order_date) FROM orders LIMIT 1")).containsExactly("DATE");
    }
  }

  @Test
  void connectionsSeeTheSameDataAndAreIndependent() throws Exception {
    Files.writeString(dir.resolve("t.csv"), "a\n1\n2\n");
    try (EmbeddedDatabase db = loader.load(dir)) {
      try (Connection one = db.newConnection(); Connection two = db.newConnection()) {
        one.close();
        assertThat(count(two, "SELECT count(*) FROM t")).isEqualTo(2L);
      }
    }
  }

  private static Path fixtures(String resource) throws URISyntaxException {
    return Path.of(TableFolderLoaderTest.class.getClassLoader().getResource(resource).toURI());
  }

  private static void writeParquet(Path file, int rows) throws SQLException {
    try (Connection scratch = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = scratch.createStatement()) {
      st.execute("COPY (SELECT i AS id, CAST(i AS DOUBLE) AS amount FROM range(1, " + (rows + 1) + ") t(i)) TO '"
          + file.toAbsolutePath().toString().replace("'", "''") + "' (FORMAT parquet)");
    }
  }

  private static List<Object> column(EmbeddedDatabase db, String sql) throws SQLException {
    try (Connection c = db.newConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<Object> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getObject(1));
      }
      return values;
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
