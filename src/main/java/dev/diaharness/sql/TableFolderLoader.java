package dev.diaharness.sql;

import dev.diaharness.core.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * Loads a folder of tables into a new {@link EmbeddedDatabase}: CSV ({@code .csv}), JSON lines or a JSON array
 * ({@code .json}, {@code .jsonl}, {@code .ndjson}) and Parquet ({@code .parquet}); file name = table name. Other
 * files, hidden files (names starting with a dot), and golden/test sets or agent configs kept in the same folder
 * (as the Python tool's {@code data/} folder does) are ignored.
 *
 * <p>CSV files must have a header row, commas and double quotes ({@code ""} inside a quoted value); column types
 * are inferred from the whole file. UUID-looking strings stay {@code VARCHAR}, since BigQuery has no UUID type and
 * the results must compare as strings. This class is stateless and thread-safe.
 */
public final class TableFolderLoader {
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * @throws InputException when the folder is missing, holds no table, a file name is not a valid table name, or a
   *     file does not parse (the message names the file)
   */
  public EmbeddedDatabase load(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw InputException.inFile(folder, "data folder does not exist");
    }
    List<Path> files = tableFiles(folder);
    if (files.isEmpty()) {
      throw InputException.inFile(folder, "no table files (.csv, .json, .jsonl, .ndjson, .parquet) in the folder");
    }
    DuckDBConnection connection = open();
    try {
      Map<String, Long> counts = new TreeMap<>();
      for (Path file : files) {
        String table = tableName(file);
        if (counts.containsKey(table)) {
          throw InputException.inFile(file, "a second file for table '" + table + "'");
        }
        counts.put(table, loadTable(connection, file, table));
      }
      return new EmbeddedDatabase(connection, counts);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  private static List<Path> tableFiles(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .filter(f -> reader(f).isPresent())
          .filter(f -> !NonTableFiles.isQuestionSetOrConfig(f))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw InputException.inFile(folder, "cannot list the folder: " + e.getMessage());
    }
  }

  private static String tableName(Path file) {
    String fileName = file.getFileName().toString();
    String name = fileName.substring(0, fileName.lastIndexOf('.')).toLowerCase(Locale.ROOT);
    if (!TABLE_NAME.matcher(name).matches()) {
      throw InputException.inFile(file, "'" + name + "' is not a valid table name (letters, digits, _)");
    }
    return name;
  }

  /**
   * The DuckDB table function call that reads this kind of file, with {@code %s} for the quoted path. CSV is read
   * strictly: DuckDB's sniffer otherwise "repairs" a broken quote or a row with an extra field by guessing another
   * dialect, or takes a later row as the header, and loads wrong data without a word. The whole file is sampled so
   * a late value cannot break a type guessed from the first rows.
   */
  private static Optional<String> reader(Path file) {
    String n = lowerName(file);
    if (n.endsWith(".csv")) {
      return Optional.of("read_csv(%s, header = true, delim = ',', quote = '\"', escape = '\"', strict_mode = true,"
          + " skip = 0, comment = '', sample_size = -1)");
    }
    if (n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      // format 'auto' reads both JSON lines and one top-level array of objects
      return Optional.of("read_json(%s, format = 'auto', sample_size = -1)");
    }
    if (n.endsWith(".parquet")) {
      return Optional.of("read_parquet(%s)");
    }
    return Optional.empty();
  }

  private static long loadTable(DuckDBConnection connection, Path file, String table) {
    if (!lowerName(file).endsWith(".parquet")) {
      TableFileCheck.beforeLoad(file, !lowerName(file).endsWith(".csv"));
    }
    String path = "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    String sql = "CREATE TABLE \"" + table + "\" AS SELECT * FROM " + reader(file).orElseThrow().formatted(path);
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw InputException.inFile(file, "table file does not parse: " + diagnose(file, e));
    }
    try {
      uuidColumnsToVarchar(connection, table);
      return rowCount(connection, table);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read back table '" + table + "' from the embedded database", e);
    }
  }

  private static String diagnose(Path file, SQLException e) {
    if (lowerName(file).endsWith(".csv")) {
      Optional<String> problem = CsvDiagnosis.firstProblem(file);
      if (problem.isPresent()) {
        return problem.get();
      }
    }
    return firstLine(e.getMessage());
  }

  /** DuckDB infers UUID for id strings in CSV and JSON; BigQuery would hold them as STRING. */
  private static void uuidColumnsToVarchar(DuckDBConnection connection, String table) throws SQLException {
    List<String> uuidColumns = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND data_type = 'UUID'"
            + " ORDER BY ordinal_position")) {
      st.setString(1, table);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          uuidColumns.add(rs.getString(1));
        }
      }
    }
    for (String column : uuidColumns) {
      try (Statement st = connection.createStatement()) {
        st.execute("ALTER TABLE \"" + table + "\" ALTER COLUMN \"" + column.replace("\"", "\"\"")
            + "\" TYPE VARCHAR");
      }
    }
  }

  private static long rowCount(DuckDBConnection connection, String table) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String lowerName(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT);
  }

  private static DuckDBConnection open() {
    try {
      // streamed results: a capped read of a huge result stops early instead of materializing all of it first
      Properties properties = new Properties();
      properties.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
      return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", properties);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start the embedded DuckDB database", e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String line = message.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  private static void closeQuietly(DuckDBConnection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // already failing with a clearer error
    }
  }
}
