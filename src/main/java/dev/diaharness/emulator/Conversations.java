package dev.diaharness.emulator;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.ConfigHash;
import dev.diaharness.emulator.brain.Brain;
import dev.diaharness.emulator.brain.BrainAnswer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns one question in a session into the answer text the emulated agent streams: the follow-up question gets the
 * session's last SQL; any other question goes to the brain, whose SQL is run on the embedded database and
 * summarised. The brain draws by the repeat the harness names in its request (so the answers do not depend on the
 * order or number of calls, and a resumed run gets those of an uninterrupted one); for a client that names none,
 * by how often this agent was asked this question with this config.
 * Thread-safe.
 */
final class Conversations {
  /**
   * What to stream back. {@code sql} is the SQL this answer used, remembered by the session; {@code ranQuery} is
   * true when the agent generated and ran it for this answer (not when it recalls an earlier one).
   */
  record Reply(String thoughts, String text, Optional<String> sql, boolean ranQuery) {
    Reply(String thoughts, String text, Optional<String> sql) {
      this(thoughts, text, sql, false);
    }
  }

  /** Bound on remembered (agent, question) counters, so a long benchmark does not grow memory forever. */
  private static final int MAX_COUNTERS = 200_000;

  private final Brain brain;
  private final SqlSummary summary;
  private final boolean proseAnswers;
  private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

  Conversations(Brain brain, SqlSummary summary) {
    this(brain, summary, false);
  }

  /** {@code proseAnswers}: the answer text holds no SQL, as recorded from the real service (the follow-up has it). */
  Conversations(Brain brain, SqlSummary summary, boolean proseAnswers) {
    this.brain = brain;
    this.summary = summary;
    this.proseAnswers = proseAnswers;
  }

  /** True for "what was the sql query used for the previous answer?" and loose variants of it. */
  static boolean isSqlFollowUp(String question) {
    String q = question.toLowerCase(Locale.ROOT);
    return q.contains("sql") && q.contains("previous");
  }

  /** The data agent's reply; {@code config} is the agent's current config. */
  Reply agentReply(String agentId, AgentConfig config, SessionStore.Session session, String question,
      OptionalInt repeat) {
    if (isSqlFollowUp(question)) {
      return session.lastSql()
          .map(sql -> new Reply("The user asks for the SQL of my previous answer.",
              "The SQL query used for the previous answer was:\n\n```sql\n" + sql + "\n```\n", Optional.of(sql)))
          .orElseGet(() -> new Reply("The user asks for the SQL of my previous answer.",
              "The previous answer did not use a SQL query.", Optional.empty()));
    }
    // the harness names the repeat; other clients get the count of earlier asks of this question on this config
    int draw = repeat.isPresent() ? repeat.getAsInt() - 1
        : repeatOf(agentId + "\u0000" + ConfigHash.of(config), question);
    BrainAnswer answer = brain.answer(config, question, draw);
    if (answer.sql().isEmpty()) {
      return new Reply(answer.thoughts(), "I could not write a query that answers this question.",
          Optional.empty());
    }
    String sql = answer.sql().get();
    String text = proseAnswers ? summary.summarize(sql)
        : "Here is the SQL I ran:\n\n```sql\n" + sql + "\n```\n\n" + summary.summarize(sql);
    return new Reply(answer.thoughts(), text, Optional.of(sql), true);
  }

  /** The default assistant (no agentsSpec): it is not the data agent and writes no SQL. */
  static Reply assistantReply() {
    return new Reply("The question is not addressed to a data agent.",
        "I am the default assistant. I can't query your data; ask a data agent (agentsSpec) instead.",
        Optional.empty());
  }

  private int repeatOf(String agentId, String question) {
    if (asked.size() > MAX_COUNTERS) {
      asked.clear();
    }
    return asked.computeIfAbsent(agentId + "\u0000" + question, k -> new AtomicInteger()).getAndIncrement();
  }
}
