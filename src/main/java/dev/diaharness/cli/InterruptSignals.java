package dev.diaharness.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a run. The first asks the run to stop cleanly: no new item starts, the
 * conversations in flight get {@link #GRACE} to finish, then the command writes run.json, the reports and the resume
 * command, and exits 130. The second exits at once with 130: the journal already holds every finished item.
 *
 * <p>Uses {@code sun.misc.Signal} (module jdk.unsupported, present in every JDK) rather than a shutdown hook: a
 * hook runs while the JVM is already exiting, too late to finish the run's files in order. Close to put the previous
 * handlers back.
 */
final class InterruptSignals implements AutoCloseable {
  /** How long conversations in flight may take to finish after the first signal. */
  static final Duration GRACE = Duration.ofSeconds(5);

  private static final List<String> SIGNALS = List.of("INT", "TERM");

  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();
  private final AtomicInteger received = new AtomicInteger();

  private InterruptSignals() {}

  /** Installs the handlers; {@code onFirst} runs (on the signal's thread) when the first signal arrives. */
  static InterruptSignals install(PrintWriter err, Runnable onFirst) {
    InterruptSignals handlers = new InterruptSignals();
    SignalHandler handler = signal -> handlers.handle(signal, err, onFirst);
    for (String name : SIGNALS) {
      try {
        Signal signal = new Signal(name);
        handlers.previous.add(Signal.handle(signal, handler));
        handlers.signals.add(signal);
      } catch (IllegalArgumentException e) {
        // the platform does not know this signal or the JVM reserves it (-Xrs): the default handling stays
      }
    }
    return handlers;
  }

  /** True once a first signal arrived. */
  boolean received() {
    return received.get() > 0;
  }

  private void handle(Signal signal, PrintWriter err, Runnable onFirst) {
    if (received.incrementAndGet() == 1) {
      err.println();
      err.println("interrupted (SIG" + signal.getName() + "): no new questions; waiting up to " + GRACE.toSeconds()
          + " s for the conversations in flight, then writing the reports. Press Ctrl-C again to exit at once.");
      err.flush();
      onFirst.run();
    } else {
      err.println("interrupted again: exiting now; every finished item is in the journal, --resume continues.");
      err.flush();
      Runtime.getRuntime().halt(ExitCode.INTERRUPTED.code());
    }
  }

  @Override
  public void close() {
    for (int i = 0; i < signals.size(); i++) {
      Signal.handle(signals.get(i), previous.get(i));
    }
  }
}
