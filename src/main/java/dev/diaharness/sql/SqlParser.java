package dev.diaharness.sql;

import dev.diaharness.sql.SqlLexer.Kind;
import dev.diaharness.sql.SqlLexer.Token;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.statement.Statements;

/**
 * Parses one BigQuery SQL statement with JSqlParser into a {@link SqlParseResult}; never throws.
 *
 * <p>Before parsing it removes comments ({@code --}, {@code #}, {@code /* *&#47;}) and trailing semicolons, and turns
 * BigQuery's double-quoted string literals into single-quoted ones (JSqlParser would read them as quoted names).
 * Backtick-quoted dotted names such as {@code `project.dataset.table`} are split into their parts by JSqlParser.
 * Each parse runs with a {@value #TIMEOUT_MILLIS} ms timeout on a shared pool of daemon threads, because
 * JSqlParser's backtracking can take exponential time on nested input. This class is stateless and thread-safe.
 */
public final class SqlParser {

  /** Per-attempt parse timeout; JSqlParser may make a second, "complex parsing" attempt after a failure. */
  public static final long TIMEOUT_MILLIS = 5_000;
  /** Longer input is refused without parsing: no real query is this long, and parse time grows with length. */
  public static final int MAX_LENGTH = 100_000;

  // JSqlParser's own parse(String, Consumer) leaks a non-daemon thread per call, which keeps the JVM alive.
  private static final ExecutorService PARSER_THREADS = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "sql-parser");
    thread.setDaemon(true);
    return thread;
  });

  private SqlParser() {
  }

  /** Parses {@code sql} (null counts as empty); exactly one statement gives {@link SqlParseResult.Parsed}. */
  public static SqlParseResult parse(String sql) {
    if (sql == null || sql.isBlank()) {
      return new SqlParseResult.Unparseable("empty SQL");
    }
    if (sql.length() > MAX_LENGTH) {
      return new SqlParseResult.Unparseable("SQL longer than " + MAX_LENGTH + " characters");
    }
    String prepared = prepare(sql);
    if (prepared.isEmpty()) {
      return new SqlParseResult.Unparseable("no statement (only comments or semicolons)");
    }
    try {
      return fromStatements(parseStatements(prepared));
    } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
      return new SqlParseResult.Unparseable(firstLine(e));
    }
  }

  private static Statements parseStatements(String sql) throws JSQLParserException {
    return net.sf.jsqlparser.parser.CCJSqlParserUtil.parseStatements(sql, PARSER_THREADS,
        parser -> parser.withTimeOut(TIMEOUT_MILLIS).withBackslashEscapeCharacter(true));
  }

  private static SqlParseResult fromStatements(Statements statements) {
    if (statements == null || statements.isEmpty() || statements.get(0) == null) {
      return new SqlParseResult.Unparseable("no statement");
    }
    if (statements.size() > 1) {
      return new SqlParseResult.Unparseable("multiple statements");
    }
    return new SqlParseResult.Parsed(statements.get(0));
  }

  /** Comments out, BigQuery "strings" as 'strings', trailing semicolons and whitespace trimmed. */
  static String prepare(String sql) {
    List<Token> tokens = SqlLexer.tokenize(sql);
    StringBuilder out = new StringBuilder(sql.length());
    for (Token t : tokens) {
      out.append(t.is(Kind.COMMENT) ? " " : t.is(Kind.STRING) ? singleQuoted(t.text()) : t.text());
    }
    return trimTrailingSemicolons(out.toString());
  }

  private static String singleQuoted(String literal) {
    boolean simpleDoubleQuoted = literal.length() >= 2 && literal.startsWith("\"") && literal.endsWith("\"")
        && !literal.startsWith("\"\"\"") && literal.indexOf('\'') < 0 && literal.indexOf('\\') < 0;
    return simpleDoubleQuoted ? "'" + literal.substring(1, literal.length() - 1) + "'" : literal;
  }

  private static String trimTrailingSemicolons(String s) {
    int end = s.length();
    while (end > 0 && (Character.isWhitespace(s.charAt(end - 1)) || s.charAt(end - 1) == ';')) {
      end--;
    }
    return s.substring(0, end).strip();
  }

  private static String firstLine(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    String line = message.strip().lines().findFirst().orElse(cause.getClass().getSimpleName());
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
