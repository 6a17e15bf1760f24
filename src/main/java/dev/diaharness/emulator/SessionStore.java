package dev.diaharness.emulator;

import dev.diaharness.emulator.HttpJson.ApiError;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's sessions: each remembers the SQL of its last answer, so that the follow-up question "what was
 * the sql query used for the previous answer?" can be answered. Thread-safe.
 */
final class SessionStore {
  /**
   * One conversation; {@code lastSql} is replaced by every answer that had SQL. It also counts its turns and the
   * attempts at the current turn, which place each call for fault injection ({@link FaultInjector.CallKey}).
   */
  static final class Session {
    final String name;
    private volatile String lastSql;
    private String openingQuestion;
    private int conversation;
    private int turn;
    private int attempt;

    Session(String name) {
      this.name = name;
    }

    /**
     * The key of a call asking {@code question} now; the first call fixes the opening question and asks
     * {@code conversationOf} which conversation with that opening this is.
     */
    synchronized FaultInjector.CallKey nextCall(String question,
        java.util.function.ToIntFunction<String> conversationOf) {
      if (openingQuestion == null) {
        openingQuestion = question;
        conversation = conversationOf.applyAsInt(question);
      }
      return new FaultInjector.CallKey(openingQuestion, conversation, turn, attempt++);
    }

    /** The call got an answer (even a failed or truncated one): the next call is the next turn. */
    synchronized void turnAnswered() {
      turn++;
      attempt = 0;
    }

    Optional<String> lastSql() {
      return Optional.ofNullable(lastSql);
    }

    void rememberSql(String sql) {
      lastSql = sql;
    }
  }

  private final String engine;
  /** A conversation is a few calls long: the most recent sessions are kept, so a long-lived emulator stays small. */
  static final int MAX_SESSIONS = 50_000;
  private final Map<String, Session> sessions = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
      return size() > MAX_SESSIONS;
    }
  });
  private final AtomicLong nextId = new AtomicLong(1);

  SessionStore(String engine) {
    this.engine = engine;
  }

  Session create() {
    Session session = new Session(engine + "/sessions/" + (1_000_000 + nextId.getAndIncrement()));
    sessions.put(session.name, session);
    return session;
  }

  /** Deletes the named session ({@code sessions.delete}). */
  void delete(String name) {
    if (sessions.remove(name) == null) {
      throw ApiError.notFound("Session " + name + " not found.");
    }
  }

  /** The named session; a name ending in {@code /sessions/-} (or none) creates one, as the real service does. */
  Session resolve(String name) {
    if (name == null || name.isBlank() || name.endsWith("/sessions/-")) {
      return create();
    }
    Session session = sessions.get(name);
    if (session == null) {
      throw ApiError.notFound("Session " + name + " not found.");
    }
    return session;
  }
}
