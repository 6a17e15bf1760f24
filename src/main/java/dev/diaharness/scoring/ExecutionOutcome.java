package dev.diaharness.scoring;

import dev.diaharness.sql.ResultTable;
import java.util.Objects;
import java.util.Optional;

/**
 * What running one query gave: rows, or why not.
 *
 * @param rows   present only for {@link Kind#ROWS}
 * @param reason one line; for UNSUPPORTED it names the construct
 */
public record ExecutionOutcome(Kind kind, Optional<ResultTable> rows, String reason) {
  public enum Kind {
    ROWS,
    /** a construct the engine cannot run: execution cannot decide */
    UNSUPPORTED,
    /** not one read-only statement, or it reads files: refused, never run */
    REJECTED,
    UNPARSEABLE,
    FAILED,
    TIMED_OUT
  }

  public ExecutionOutcome {
    Objects.requireNonNull(kind, "kind");
    rows = Objects.requireNonNullElse(rows, Optional.empty());
    reason = Objects.requireNonNullElse(reason, "");
    if ((kind == Kind.ROWS) != rows.isPresent()) {
      throw new IllegalArgumentException("rows are present exactly when the kind is ROWS");
    }
  }

  public static ExecutionOutcome rows(ResultTable table) {
    return new ExecutionOutcome(Kind.ROWS, Optional.of(table), "");
  }

  public static ExecutionOutcome not(Kind kind, String reason) {
    return new ExecutionOutcome(kind, Optional.empty(), reason);
  }
}
