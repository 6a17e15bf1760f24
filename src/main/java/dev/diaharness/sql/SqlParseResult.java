package dev.diaharness.sql;

import java.util.Objects;
import net.sf.jsqlparser.statement.Statement;

/**
 * The outcome of parsing one SQL statement: {@link Parsed} with the JSqlParser tree, or {@link Unparseable} with
 * a one-line reason. Read it with {@code instanceof}.
 */
public sealed interface SqlParseResult permits SqlParseResult.Parsed, SqlParseResult.Unparseable {

  /**
   * A statement that parsed. The tree is mutable and fresh for every parse, so the holder may rewrite it; share it
   * between threads only read-only.
   */
  record Parsed(Statement statement) implements SqlParseResult {
    public Parsed {
      Objects.requireNonNull(statement, "statement");
    }
  }

  /** SQL that did not parse as exactly one statement; {@code reason} is one line, fit for evidence. */
  record Unparseable(String reason) implements SqlParseResult {
    public Unparseable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
