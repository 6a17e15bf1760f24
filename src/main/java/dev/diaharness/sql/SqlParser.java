package dev.diaharness.sql;

import dev.diaharness.sql.SqlLexer.Kind;
import dev.diaharness.sql.SqlLexer.Token;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statements;

/**
 * The one JSqlParser set-up of the project: every parse (normalizer, component scorer, literal extractor, order
 * check, translator, sandbox guard) goes through here, with the same flags, the same {@value #TIMEOUT_MILLIS} ms
 * time-out, the same length limit and one shared pool of daemon threads. Stateless and thread-safe; never throws
 * from {@link #parse}.
 *
 * <p>Two {@link Dialect}s differ only in how the text is read, because the two texts are different languages: the
 * BigQuery SQL written by people and agents ({@code #} comments, {@code "strings"}, backslash escapes), and the
 * DuckDB SQL the translator produces and the sandbox guard checks, which must be read exactly as DuckDB will read it
 * (a backslash is an ordinary character there; reading it as an escape would let the guard see a different query
 * than the one that runs).
 *
 * <p>Flags: square-bracket quotation off (BigQuery's {@code [...]} are arrays), complex parsing on (the nested
 * expressions the translator writes need it), backslash escapes as the dialect says.
 */
public final class SqlParser {

  /** Per-attempt parse timeout; JSqlParser may make a second, "complex parsing" attempt after a failure. */
  public static final long TIMEOUT_MILLIS = 5_000;
  /** Longer input is refused without parsing: no real query is this long, and parse time grows with length. */
  public static final int MAX_LENGTH = 100_000;

  /** How the text to parse is written. */
  enum Dialect {
    /** BigQuery: {@code #}, {@code --}, {@code /* *&#47;} comments, {@code "strings"}, backslash escapes. */
    BIGQUERY(true),
    /** DuckDB: parsed as written; strings take no backslash escapes. */
    DUCKDB(false);

    private final boolean backslashEscapes;

    Dialect(boolean backslashEscapes) {
      this.backslashEscapes = backslashEscapes;
    }
  }

  // JSqlParser's own parse(String, Consumer) leaks a non-daemon thread per call, which keeps the JVM alive.
  private static final ExecutorService PARSER_THREADS = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "sql-parser");
    thread.setDaemon(true);
    return thread;
  });

  private SqlParser() {
  }

  /**
   * Parses BigQuery {@code sql} (null counts as empty); exactly one statement gives {@link SqlParseResult.Parsed}.
   * Comments ({@code --}, {@code #}, {@code /* *&#47;}) and trailing semicolons are removed and BigQuery's
   * double-quoted string literals become single-quoted ones first (JSqlParser would read them as quoted names).
   */
  public static SqlParseResult parse(String sql) {
    if (sql == null || sql.isBlank()) {
      return new SqlParseResult.Unparseable("empty SQL");
    }
    if (sql.length() > MAX_LENGTH) {
      return new SqlParseResult.Unparseable(tooLong());
    }
    String prepared = prepare(sql);
    if (prepared.isEmpty()) {
      return new SqlParseResult.Unparseable("no statement (only comments or semicolons)");
    }
    try {
      return fromStatements(parseStatements(prepared, Dialect.BIGQUERY));
    } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
      return new SqlParseResult.Unparseable(reason(e));
    }
  }

  /**
   * Parses text that may hold several statements, with this class's one configuration. For {@link
   * Dialect#BIGQUERY}, pass text through {@link #prepare} first.
   *
   * @throws JSQLParserException when the text does not parse, is longer than {@value #MAX_LENGTH} characters or
   *     parsing takes longer than the time-out
   */
  static Statements parseStatements(String text, Dialect dialect) throws JSQLParserException {
    if (text.length() > MAX_LENGTH) {
      throw new JSQLParserException(tooLong());
    }
    try {
      return parseOnce(text, dialect);
    } catch (JSQLParserException e) {
      // JSqlParser gives up on some BETWEEN lower bounds that parse alone; the translated DuckDB text has none
      if (dialect == Dialect.BIGQUERY) {
        try {
          Optional<Statements> retried = BetweenBounds.parseWithPlaceholders(text, t -> parseOnce(t, dialect));
          if (retried.isPresent()) {
            return retried.get();
          }
        } catch (JSQLParserException | RuntimeException ignored) {
          // the first failure is the one to report
        }
      }
      throw e;
    }
  }

  private static Statements parseOnce(String text, Dialect dialect) throws JSQLParserException {
    return CCJSqlParserUtil.parseStatements(text, PARSER_THREADS,
        parser -> parser
            .withSquareBracketQuotation(false)
            .withAllowComplexParsing(true)
            .withBackslashEscapeCharacter(dialect.backslashEscapes)
            .withTimeOut(TIMEOUT_MILLIS));
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

  /** BigQuery text made ready for JSqlParser: comments out, "strings" as 'strings', trailing semicolons trimmed. */
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

  private static String tooLong() {
    return "SQL longer than " + MAX_LENGTH + " characters";
  }

  /** The first line of a parser failure, short enough for a report. */
  static String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    String line = message.strip().lines().findFirst().orElse(cause.getClass().getSimpleName());
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
