package dev.diaharness.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A small lexical pass over SQL text, for when the parser gives up: masks string literals, quoted identifiers and
 * comments, and lists string literals. Knows BigQuery's quoting ('…' and "…" are strings, `…` is a name, \ escapes,
 * -- and # start line comments). Stateless and thread-safe.
 */
final class SqlLexicalScan {
  private SqlLexicalScan() {}

  /** The same text with every literal, quoted name and comment replaced by spaces (same length). */
  static String mask(String sql) {
    StringBuilder out = new StringBuilder(sql);
    scan(sql, (start, end, literal) -> {
      for (int i = start; i < end; i++) {
        out.setCharAt(i, ' ');
      }
    });
    return out.toString();
  }

  /** The contents of every string literal, unescaped, in order. */
  static List<String> stringLiterals(String sql) {
    List<String> out = new ArrayList<>();
    scan(sql, (start, end, literal) -> {
      if (literal) {
        out.add(unescape(sql.substring(start + 1, Math.max(start + 1, end - 1))));
      }
    });
    return out;
  }

  private interface Span {
    void accept(int start, int end, boolean stringLiteral);
  }

  private static void scan(String s, Span span) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int end;
      if (c == '\'' || c == '"' || c == '`') {
        end = closing(s, i, c);
        span.accept(i, end, c != '`');
      } else if (c == '-' && i + 1 < s.length() && s.charAt(i + 1) == '-' || c == '#') {
        end = s.indexOf('\n', i) < 0 ? s.length() : s.indexOf('\n', i);
        span.accept(i, end, false);
      } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
        end = s.indexOf("*/", i + 2) < 0 ? s.length() : s.indexOf("*/", i + 2) + 2;
        span.accept(i, end, false);
      } else {
        end = i + 1;
      }
      i = end;
    }
  }

  /** Index just past the closing quote; a doubled quote or a backslash escapes it. */
  private static int closing(String s, int open, char quote) {
    int i = open + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && quote != '`') {
        i += 2;
      } else if (c == quote && i + 1 < s.length() && s.charAt(i + 1) == quote) {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return s.length();
  }

  private static String unescape(String body) {
    StringBuilder sb = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if ((c == '\\' || c == '\'' || c == '"') && i + 1 < body.length() && (c == '\\' || body.charAt(i + 1) == c)) {
        sb.append(body.charAt(++i));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
