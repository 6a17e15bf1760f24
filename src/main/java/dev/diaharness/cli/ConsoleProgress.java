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
    long[] s = state.computeIfAbsent(result.split(), k -> new long[] {0, total, 0, 0});
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
      out.printf("  %s %d/%d (%d%%)%n", result.split().label(), finished, total, decile * 10);
      out.flush();
    }
  }

  private String line() {
    StringBuilder b = new StringBuilder();
    state.forEach((split, s) -> b.append(String.format(Locale.ROOT, "  %s %d/%d %s", split.label(), s[0], s[1],
        bar(s[0], s[1]))));
    return b.toString();
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
