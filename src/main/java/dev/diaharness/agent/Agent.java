package dev.diaharness.agent;

/**
 * The port to a data agent: one conversation per call (new session, the question, the SQL follow-up when
 * configured). Implementations are thread-safe; many conversations run at once.
 */
public interface Agent {
  /**
   * Asks one question in a new session.
   *
   * @return the answer; agent-side failures (FAILED state, truncated stream, retries exhausted…) come back as an
   *     {@link Answer} with an {@link AgentError}, never as an exception
   * @throws AgentAccessDeniedException on 403: the agent or caller is not authorized, the evaluation must stop
   */
  Answer ask(String question);

  /**
   * Asks one question as repeat {@code repeat} (1-based) of an evaluation. The repeat is a hint for agents that
   * sample deterministically (the emulator draws by seed, config, question and repeat, so a resumed run gets the
   * answers an uninterrupted one would); a real agent ignores it.
   */
  default Answer ask(String question, int repeat) {
    return ask(question);
  }
}
