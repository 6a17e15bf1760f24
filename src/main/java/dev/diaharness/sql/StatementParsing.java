package dev.diaharness.sql;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statements;

/**
 * JSqlParser set up the way both the translator and the sandbox guard need it. Thread-safe.
 *
 * <p>JSqlParser runs each parse on an executor to enforce its time-out; its default executor leaves non-daemon
 * threads behind, which would keep the JVM alive, so we hand it one shared pool of daemon threads.
 */
final class StatementParsing {
  /** Pathological input can make the parser backtrack for a long time; past this it counts as unparseable. */
  private static final long PARSE_TIMEOUT_MS = 3_000;

  private static final ExecutorService PARSER_THREADS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "sql-parser");
            t.setDaemon(true);
            return t;
          });

  private StatementParsing() {}

  /**
   * Parses one or more statements. BigQuery uses {@code [...]} for arrays, never for quoting, and backslash escapes
   * in strings, so square-bracket quotation is off and backslash escapes are on.
   */
  static Statements parse(String sql) throws JSQLParserException {
    return CCJSqlParserUtil.parseStatements(
        sql,
        PARSER_THREADS,
        parser ->
            parser
                .withSquareBracketQuotation(false)
                .withAllowComplexParsing(true)
                .withBackslashEscapeCharacter(true)
                .withTimeOut(PARSE_TIMEOUT_MS));
  }

  /** The first line of a parser failure, short enough for a report. */
  static String reason(Throwable e) {
    Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    String line = message.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
