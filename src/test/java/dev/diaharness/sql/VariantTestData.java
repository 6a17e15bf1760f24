package dev.diaharness.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A small shop database (customers, orders) on disk, and plain-JDBC query execution for variant tests. */
final class VariantTestData {
  private VariantTestData() {}

  /** 10 customers; 30 orders, amounts 10..300 in steps of 10 except that none is exactly 100. */
  static EmbeddedDatabase shop(Path dir) throws IOException {
    StringBuilder customers = new StringBuilder("id,name,region\n");
    String[] regions = {"EMEA", "APAC", "AMER"};
    for (int i = 1; i <= 10; i++) {
      customers.append(i).append(",Customer ").append(i).append(',').append(regions[i % 3]).append('\n');
    }
    StringBuilder orders = new StringBuilder("id,customer_id,amount,status,order_date\n");
    for (int i = 1; i <= 30; i++) {
      int amount = i == 10 ? 105 : i * 10;
      String status = i % 4 == 0 ? "returned" : "shipped";
      orders.append(i).append(',').append((i % 10) + 1).append(',').append(amount).append(',').append(status)
          .append(",2024-01-").append(String.format("%02d", i)).append('\n');
    }
    Files.writeString(dir.resolve("customers.csv"), customers);
    Files.writeString(dir.resolve("orders.csv"), orders);
    return new TableFolderLoader().load(dir);
  }

  static ResultTable run(Connection connection, String sql) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(md.getColumnLabel(i));
      }
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return new ResultTable(columns, rows, false);
    }
  }

  static ResultTable run(EmbeddedDatabase db, String sql) throws SQLException {
    try (Connection c = db.newConnection()) {
      return run(c, sql);
    }
  }

  static boolean agree(EmbeddedDatabase db, String expectedSql, String generatedSql) throws SQLException {
    return ResultComparator.compare(run(db, expectedSql), run(db, generatedSql), ComparisonOptions.DEFAULTS).equal();
  }
}
