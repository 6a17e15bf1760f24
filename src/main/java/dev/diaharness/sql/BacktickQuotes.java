package dev.diaharness.sql;

/**
 * Turns BigQuery's backtick-quoted identifiers into DuckDB's double-quoted ones, in text the deparser produced. The
 * scan skips string literals ({@code '...'} with {@code ''}) and double-quoted identifiers, so a backtick inside a
 * string is left alone. Stateless and thread-safe.
 */
final class BacktickQuotes {
  private BacktickQuotes() {}

  static String toDoubleQuotes(String sql) {
    if (sql.indexOf('`') < 0) {
      return sql;
    }
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = endOfQuoted(sql, i, c);
        out.append(sql, i, end);
        i = end;
      } else if (c == '`') {
        int end = sql.indexOf('`', i + 1);
        if (end < 0) {
          out.append(sql, i, sql.length());
          break;
        }
        out.append('"').append(sql.substring(i + 1, end).replace("\"", "\"\"")).append('"');
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Index just past the quoted run starting at {@code start}; a doubled quote character stays inside. */
  private static int endOfQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }
}
