package dev.diaharness.cli;

import dev.diaharness.run.ItemResult;
import dev.diaharness.run.RunListener;
import dev.diaharness.run.Split;
import dev.diaharness.run.SplitMetrics;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Progress on the console: on a terminal one line per split redrawn in place ({@code \r}), otherwise (CI, pipes)
 * a plain line per split at every tenth of the work, so logs stay short. Thread-safe.
 */
final class ConsoleProgress implements RunListener {
  private final PrintWriter out;
  private final boolean terminal;
  private final Map<Split, long[]> state = new EnumMap<>(Split.class); // {finished, total, passed, lastDecile}
  /** conversations allowed in flight while the service throttles the run; 0 when it does not */
  private int throttledLimit;
  private long lastThrottleLineNanos;

  static final long THROTTLE_LINE_SECONDS = 30;

  ConsoleProgress(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public synchronized void evaluationStarted(int iteration, Split split, long total, long alreadyDone) {
    state.put(split, new long[] {alreadyDone, total, 0, total == 0 ? 0 : alreadyDone * 10 / total});
    String resumed = alreadyDone > 0 ? " (" + alreadyDone + " already done)" : "";
    out.printf("iteration %d: %s — %d items%s%n", iteration, split.label(), total, resumed);
    out.flush();
  }

  @Override
  public synchronized void itemFinished(ItemResult result, long finished, long total) {
    long[] s = state.computeIfAbsent(result.key().split(), k -> new long[] {0, total, 0, 0});
    s[0] = finished;
    s[2] += result.passed() ? 1 : 0;
    if (terminal) {
      out.print("\r" + line());
      out.flush();
      return;
    }
    long decile = total == 0 ? 10 : finished * 10 / total;
    if (decile > s[3]) {
      s[3] = decile;
      out.printf("  %s %d/%d (%d%%)%n", result.key().split().label(), finished, total, decile * 10);
      out.flush();
    }
  }

  private String line() {
    StringBuilder b = new StringBuilder();
    state.forEach((split, s) -> b.append(String.format(Locale.ROOT, "  %s %d/%d %s", split.label(), s[0], s[1],
        bar(s[0], s[1]))));
    if (throttledLimit > 0) {
      b.append("  throttled: limit ").append(throttledLimit);
    }
    return b.toString();
  }

  /**
   * A line when the service starts throttling the run, then at most one every {@value #THROTTLE_LINE_SECONDS} s
   * while it lasts (the limit changes at most once per conversation), and one when it is over.
   */
  @Override
  public synchronized void throttled(int limit, int max, long rateLimited) {
    boolean wasThrottled = throttledLimit > 0;
    long now = System.nanoTime();
    if (limit >= max) {
      throttledLimit = 0;
      if (wasThrottled) {
        note(String.format(Locale.ROOT, "no longer throttled: up to %d conversations in flight again", max));
      }
      return;
    }
    throttledLimit = limit;
    if (!wasThrottled || now - lastThrottleLineNanos >= THROTTLE_LINE_SECONDS * 1_000_000_000L) {
      lastThrottleLineNanos = now;
      note(String.format(Locale.ROOT, "throttled by the service (%d × 429 so far): at most %d of %d conversations "
          + "in flight; items wait, they do not fail", rateLimited, limit, max));
    }
  }

  private static String bar(long done, long total) {
    int width = 20;
    int filled = total == 0 ? width : (int) (done * width / total);
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
  }

  @Override
  public synchronized void evaluationFinished(int iteration, SplitMetrics metrics) {
    if (terminal) {
      out.println();
    }
    out.printf(Locale.ROOT, "iteration %d: %s accuracy %.1f%%%n", iteration, metrics.split().label(),
        metrics.accuracyPercent());
    out.flush();
  }

  @Override
  public synchronized void note(String message) {
    if (terminal) {
      out.println();
    }
    out.println(message);
    out.flush();
  }
}
