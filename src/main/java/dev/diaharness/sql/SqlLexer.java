package dev.diaharness.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A small BigQuery-aware SQL tokenizer: enough to strip comments and normalize text without parsing.
 *
 * <p>It never fails: an unterminated string, quoted name or block comment runs to the end of the input. Tokens keep
 * their raw text, so joining them gives back the input. This class is stateless and thread-safe.
 */
final class SqlLexer {

  /** What a token is; comments and whitespace are kept so that text can be rebuilt. */
  enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, SYMBOL, WHITESPACE, COMMENT }

  /** One token and its raw text. */
  record Token(Kind kind, String text) {
    boolean is(Kind k) {
      return kind == k;
    }

    boolean isSymbol(String s) {
      return kind == Kind.SYMBOL && text.equals(s);
    }

    boolean isName() {
      return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
    }
  }

  private static final String[] OPERATORS = {"<=>", "<>", "<=", ">=", "!=", "||", "<<", ">>", "=>", "->", "::"};

  private SqlLexer() {
  }

  static List<Token> tokenize(String sql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      int end = tokenEnd(sql, i);
      tokens.add(new Token(kindAt(sql, i), sql.substring(i, end)));
      i = end;
    }
    return tokens;
  }

  /** The text with every comment replaced by one space (a comment separates tokens). */
  static String stripComments(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    for (Token t : tokenize(sql)) {
      out.append(t.is(Kind.COMMENT) ? " " : t.text());
    }
    return out.toString();
  }

  private static Kind kindAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isWhitespace(c)) {
      return Kind.WHITESPACE;
    }
    if (startsComment(s, i)) {
      return Kind.COMMENT;
    }
    if (c == '\'' || c == '"') {
      return Kind.STRING;
    }
    if (c == '`') {
      return Kind.QUOTED_NAME;
    }
    if (isDigit(c) || (c == '.' && i + 1 < s.length() && isDigit(s.charAt(i + 1)))) {
      return Kind.NUMBER;
    }
    return isWordChar(c) ? Kind.WORD : Kind.SYMBOL;
  }

  private static int tokenEnd(String s, int i) {
    switch (kindAt(s, i)) {
      case WHITESPACE:
        return skipWhile(s, i, Character::isWhitespace);
      case COMMENT:
        return commentEnd(s, i);
      case STRING:
        return quotedEnd(s, i);
      case QUOTED_NAME:
        return quotedEnd(s, i);
      case NUMBER:
        return numberEnd(s, i);
      case WORD:
        return skipWhile(s, i, SqlLexer::isWordChar);
      default:
        return symbolEnd(s, i);
    }
  }

  private static boolean startsComment(String s, int i) {
    char c = s.charAt(i);
    return c == '#' || s.startsWith("--", i) || s.startsWith("/*", i);
  }

  private static int commentEnd(String s, int i) {
    if (s.startsWith("/*", i)) {
      int close = s.indexOf("*/", i + 2);
      return close < 0 ? s.length() : close + 2;
    }
    int newline = s.indexOf('\n', i);
    return newline < 0 ? s.length() : newline;
  }

  /** End of a '…', "…", '''…''', """…""" or `…` token; a backslash escapes the next character (BigQuery). */
  private static int quotedEnd(String s, int i) {
    char q = s.charAt(i);
    String triple = String.valueOf(q).repeat(3);
    if (q != '`' && s.startsWith(triple, i)) {
      int j = i + 3;
      while (j < s.length() && !s.startsWith(triple, j)) {
        j += s.charAt(j) == '\\' ? 2 : 1;
      }
      return Math.min(s.length(), j + 3);
    }
    int j = i + 1;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (c == q && j + 1 < s.length() && s.charAt(j + 1) == q && q != '`') {
        j += 2; // '' inside '…' is an escaped quote in standard SQL
      } else if (c == q) {
        return j + 1;
      } else {
        j++;
      }
    }
    return s.length();
  }

  private static int numberEnd(String s, int i) {
    int j = skipWhile(s, i, SqlLexer::isDigit);
    if (j < s.length() && s.charAt(j) == '.') {
      j = skipWhile(s, j + 1, SqlLexer::isDigit);
    }
    if (j + 1 < s.length() && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
      int k = j + 1;
      if (k + 1 < s.length() && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
        k++;
      }
      if (k < s.length() && isDigit(s.charAt(k))) {
        j = skipWhile(s, k, SqlLexer::isDigit);
      }
    }
    return j;
  }

  private static int symbolEnd(String s, int i) {
    for (String op : OPERATORS) {
      if (s.startsWith(op, i)) {
        return i + op.length();
      }
    }
    return i + Character.charCount(s.codePointAt(i));
  }

  private interface CharTest {
    boolean test(char c);
  }

  private static int skipWhile(String s, int i, CharTest test) {
    int j = i;
    while (j < s.length() && test.test(s.charAt(j))) {
      j++;
    }
    return j;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** ASCII letters, digits, '_' and any non-ASCII non-space character, so that case folding never splits a word. */
  static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_' || c == '$'
        || (c > 127 && !Character.isWhitespace(c));
  }
}
