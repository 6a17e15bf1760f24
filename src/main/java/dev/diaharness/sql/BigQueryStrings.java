package dev.diaharness.sql;

/**
 * BigQuery string literals → DuckDB string literals. BigQuery strings take backslash escapes ({@code '\n'},
 * {@code 'it\'s'}) unless raw ({@code r'\d+'}); DuckDB strings take none, only {@code ''} for a quote. Stateless and
 * thread-safe.
 */
final class BigQueryStrings {
  private BigQueryStrings() {}

  /** The DuckDB literal for a BigQuery literal's content as written between its quotes. */
  static String duckDbLiteral(String content, boolean raw) {
    String value = raw ? content : unescape(content);
    return "'" + value.replace("'", "''") + "'";
  }

  /** Resolves backslash escapes and a doubled quote ({@code ''}, which JSqlParser also accepts). */
  static String unescape(String content) {
    StringBuilder out = new StringBuilder(content.length());
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (c == '\'' && i + 1 < content.length() && content.charAt(i + 1) == '\'') {
        out.append('\'');
        i++;
      } else if (c == '\\' && i + 1 < content.length()) {
        out.append(escaped(content.charAt(++i)));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static char escaped(char c) {
    switch (c) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'f':
        return '\f';
      case 'b':
        return '\b';
      case 'v':
        return '\u000B';
      case 'a':
        return '\u0007';
      default:
        return c; // \\ \' \" \` \? and anything else stand for themselves
    }
  }
}
