package dev.diaharness.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A small loaded database for the translation and sandbox tests: orders and customers. */
final class SqlTestDatabase {
  private SqlTestDatabase() {}

  /**
   * The test database in a folder of its own, with a sandbox over it. Closing closes both and deletes the folder;
   * in a test it is an {@code @AutoClose} field.
   */
  record Sandbox(Path folder, EmbeddedDatabase database, SandboxedExecutor executor) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      executor.close();
      database.close();
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  /** The test database, loaded in a new temporary folder, with a sandbox of {@code limits} over it. */
  static Sandbox sandbox(SandboxLimits limits) {
    try {
      Path folder = Files.createTempDirectory("sql-test-database");
      EmbeddedDatabase database = load(folder);
      return new Sandbox(folder, database, new SandboxedExecutor(database, limits));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static EmbeddedDatabase load(Path folder) {
    try {
      Files.writeString(
          folder.resolve("orders.csv"),
          "id,customer_id,amount,order_date,status\n"
              + "1,10,100.5,2024-01-07,done\n"
              + "2,10,,2024-02-29,open\n"
              + "3,20,30,2024-03-01,done\n"
              + "4,,12,2024-05-17,cancelled\n");
      Files.writeString(folder.resolve("customers.csv"), "id,name\n10,Ada\n20,Grace\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TableFolderLoader().load(folder);
  }
}
