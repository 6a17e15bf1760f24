package dev.diaharness.agent.gemini;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sessions a run's conversations created, so that they can be deleted when the run ends ({@code sessions.delete};
 * {@code --keep-sessions} keeps them for inspection in the console). Thread-safe.
 */
public final class SessionLedger {
  /** What deleting the sessions did: how many went, and the first failure, if any. */
  public record Cleanup(int deleted, int failed, String firstFailure) {}

  private final Set<String> sessions = ConcurrentHashMap.newKeySet();

  /** Records a session resource name ({@code …/sessions/123}); the automatic {@code sessions/-} is ignored. */
  public void record(String session) {
    if (session != null && session.contains("/sessions/") && !session.endsWith("/sessions/-")) {
      sessions.add(session);
    }
  }

  public int size() {
    return sessions.size();
  }

  /** Deletes at once: a run of thousands of conversations should not wait for its deletes one by one. */
  static final int PARALLEL_DELETES = 8;

  /**
   * Deletes every recorded session, {@value #PARALLEL_DELETES} at a time; a failure is counted, never thrown (the
   * run's results are already safe).
   */
  public Cleanup deleteAll(GeminiHttp http) {
    AtomicInteger deleted = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicReference<String> first = new AtomicReference<>("");
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_DELETES, r -> {
      Thread t = new Thread(r, "session-delete");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> pending = new ArrayList<>();
      for (String session : new ArrayList<>(sessions)) {
        pending.add(pool.submit(() -> {
          try {
            http.call("DELETE", session, null);
            deleted.incrementAndGet();
          } catch (RuntimeException e) {
            failed.incrementAndGet();
            first.compareAndSet("", e.getMessage());
          }
          sessions.remove(session);
        }));
      }
      for (Future<?> f : pending) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a session delete failed unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return new Cleanup(deleted.get(), failed.get(), first.get());
  }

  /** The recorded sessions, for tests and messages. */
  public List<String> sessions() {
    return List.copyOf(sessions);
  }
}
