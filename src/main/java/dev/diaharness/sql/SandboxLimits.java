package dev.diaharness.sql;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits every sandboxed query runs under: a wall-clock time limit covering translation, planning and execution
 * (the caller gets a time-out at the limit, the statement is cancelled), and a cap on the rows read back (the result
 * is then marked truncated). Immutable and thread-safe.
 *
 * @param timeout time limit per query, positive; default 5 s
 * @param maxRows rows read at most, positive; default 10,000
 */
public record SandboxLimits(Duration timeout, int maxRows) {
  /** 5 seconds, 10,000 rows. */
  public static final SandboxLimits DEFAULT = new SandboxLimits(Duration.ofSeconds(5), 10_000);

  public SandboxLimits {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be >= 1, got " + maxRows);
    }
  }

  public SandboxLimits withTimeout(Duration newTimeout) {
    return new SandboxLimits(newTimeout, maxRows);
  }

  public SandboxLimits withMaxRows(int newMaxRows) {
    return new SandboxLimits(timeout, newMaxRows);
  }
}
