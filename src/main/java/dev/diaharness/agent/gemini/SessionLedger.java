package dev.diaharness.agent.gemini;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

  /** Deletes every recorded session; a failure is counted, never thrown (the run's results are already safe). */
  public Cleanup deleteAll(GeminiHttp http) {
    int deleted = 0;
    int failed = 0;
    String first = "";
    for (String session : new ArrayList<>(sessions)) {
      try {
        http.call("DELETE", session, null);
        deleted++;
      } catch (RuntimeException e) {
        failed++;
        first = first.isEmpty() ? e.getMessage() : first;
      }
      sessions.remove(session);
    }
    return new Cleanup(deleted, failed, first);
  }

  /** The recorded sessions, for tests and messages. */
  public List<String> sessions() {
    return List.copyOf(sessions);
  }
}
