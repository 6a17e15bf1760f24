package dev.diaharness.sql;

import dev.diaharness.core.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * files are ignored. This class is stateless and thread-safe.
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
      return entries.filter(Files::isRegularFile).filter(f -> reader(f).isPresent()).sorted().toList();
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

  /** The DuckDB table function that reads this kind of file. */
  private static Optional<String> reader(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv")) {
      return Optional.of("read_csv_auto");
    }
    if (n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return Optional.of("read_json_auto");
    }
    if (n.endsWith(".parquet")) {
      return Optional.of("read_parquet");
    }
    return Optional.empty();
  }

  private static long loadTable(DuckDBConnection connection, Path file, String table) {
    String path = file.toAbsolutePath().toString().replace("'", "''");
    String sql = "CREATE TABLE \"" + table + "\" AS SELECT * FROM " + reader(file).orElseThrow() + "('" + path + "')";
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw InputException.inFile(file, "table file does not parse: " + firstLine(e.getMessage()));
    }
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
