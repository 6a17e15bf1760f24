package dev.diaharness.agent.gemini;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.agent.Agent;
import dev.diaharness.agent.AgentAccessDeniedException;
import dev.diaharness.agent.AgentError;
import dev.diaharness.agent.AgentError.Kind;
import dev.diaharness.agent.Answer;
import dev.diaharness.agent.SqlSource;
import dev.diaharness.agent.ToolEvent;
import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Gemini Enterprise Data Insights Agent as an {@link Agent} (SPEC §3.1): each {@link #ask} is one conversation in
 * its own session — the question through {@code streamAssist} with {@code session: …/sessions/-} (the service
 * creates the session and names it in {@code sessionInfo}) and {@code agentsSpec} naming the agent, then, per
 * {@link SqlFollowup}, "what was the sql query used for the previous answer?" in the same session, whose SQL
 * replaces the first answer's unless the service typed the SQL (grounding {@code codeSnippet}, {@code executableCode}).
 * Agent-side failures become error answers; a 403 or a missing OAuth consent ({@code requiredAuthorizations},
 * {@code connectorAuthErrors}) throws {@link AgentAccessDeniedException}. Every session is recorded in a
 * {@link SessionLedger}. Thread-safe: it holds no per-conversation state.
 */
public final class GeminiAgent implements Agent {
  private final GeminiHttp http;
  private final GeminiSettings settings;
  private final String agentId;
  private final SqlFollowup followup;
  private final int rawCap;
  private final SessionLedger sessions;

  /**
   * @param http     transport whose settings name the agent ({@code DIA_AGENT_ID} or {@link
   *                 GeminiSettings#withAgentId})
   * @throws InputException when the settings hold no agent id
   */
  public GeminiAgent(GeminiHttp http, SqlFollowup followup) {
    this(http, followup, StreamAssistParser.DEFAULT_RAW_CAP, new SessionLedger());
  }

  /**
   * As above, keeping at most {@code rawCap} bytes of each raw response, and recording every session a
   * conversation creates in {@code sessions} (to delete them at the end of the run).
   */
  public GeminiAgent(GeminiHttp http, SqlFollowup followup, int rawCap, SessionLedger sessions) {
    this.http = http;
    this.settings = http.settings();
    this.agentId = settings.requireAgentId();
    this.followup = followup;
    this.rawCap = rawCap;
    this.sessions = sessions;
  }

  /**
   * Header naming the repeat of a question, for the emulator's deterministic sampling (a resumed run gets the
   * answers an uninterrupted one would). Gemini Enterprise ignores it.
   */
  public static final String REPEAT_HEADER = "X-Dia-Harness-Repeat";

  @Override
  public Answer ask(String question) {
    return ask(question, Map.of());
  }

  @Override
  public Answer ask(String question, int repeat) {
    return ask(question, Map.of(REPEAT_HEADER, Integer.toString(repeat)));
  }

  private Answer ask(String question, Map<String, String> headers) {
    Conversation c = new Conversation(headers);
    String session;
    StreamAssistResult first;
    try {
      // "-" asks the service for a new session: no separate sessions.create, one quota unit saved per conversation
      first = streamAssist(settings.enginePath() + "/sessions/-", question, c);
    } catch (AgentAccessDeniedException e) {
      throw e;
    } catch (RuntimeException e) {
      return Answer.failed(agentError(e), c.latencies, c.raw);
    }
    if (first.error().isPresent()) {
      return c.answer(first, first.thoughts(), SqlFinder.Found.NONE, first.error());
    }
    SqlFinder.Found found = SqlFinder.find(first);
    if (followup == SqlFollowup.NEVER || followup == SqlFollowup.IF_MISSING && found.sql().isPresent()) {
      return c.answer(first, first.thoughts(), found, Optional.empty());
    }
    if (first.session().isEmpty()) {
      AgentError noSession = new AgentError(Kind.INVALID_RESPONSE,
          "streamAssist named no session (sessionInfo.session), so the SQL follow-up cannot be asked");
      return c.answer(first, first.thoughts(), found, found.sql().isPresent() ? Optional.empty() : Optional.of(noSession));
    }
    return withFollowup(first.session().get(), first, found, c);
  }

  /**
   * The follow-up turn. Its SQL replaces the first answer's, except SQL the service typed (grounding or executable
   * code), which is the query the tool really ran and stays.
   */
  private Answer withFollowup(String session, StreamAssistResult first, SqlFinder.Found found, Conversation c) {
    StreamAssistResult second;
    try {
      second = streamAssist(session, SqlFollowup.QUESTION, c);
    } catch (AgentAccessDeniedException e) {
      throw e;
    } catch (RuntimeException e) {
      AgentError error = agentError(e);
      // the first answer stands on its own when it had SQL; a failed follow-up only matters when it had none, or
      // when the infrastructure broke it: then the whole conversation is worth asking again
      boolean keepFirst = found.sql().isPresent() && !error.kind().isTransient();
      return c.answer(first, first.thoughts(), found, keepFirst ? Optional.empty() : Optional.of(error));
    }
    String thoughts = join(first.thoughts(), second.thoughts());
    SqlFinder.Found recalled = SqlFinder.find(second);
    if (recalled.sql().isPresent() && !found.isTyped()) {
      return c.answer(first, thoughts, new SqlFinder.Found(recalled.sql(), SqlSource.FOLLOW_UP), Optional.empty());
    }
    boolean brokenByTransport = second.error().map(e -> e.kind().isTransient()).orElse(false);
    Optional<AgentError> error = found.sql().isPresent() && !brokenByTransport ? Optional.empty() : second.error();
    return c.answer(first, thoughts, found, error);
  }

  private StreamAssistResult streamAssist(String session, String text, Conversation c) {
    ObjectNode body = Json.MAPPER.createObjectNode().put("session", session);
    body.putObject("query").put("text", text);
    body.putObject("agentsSpec").putArray("agentSpecs").addObject().put("agentId", agentId);
    long start = System.nanoTime();
    StreamAssistResult result;
    try {
      InputStream stream = http.stream(settings.assistantPath() + ":streamAssist", body, c.headers);
      result = StreamAssistParser.parse(stream, rawCap);
    } finally {
      c.latencies.add(Duration.ofNanos(System.nanoTime() - start));
    }
    c.record(result);
    result.session().ifPresent(sessions::record);
    if (result.needsConsent()) {
      Optional<String> uri = result.authorizationUri();
      String connectors = result.connectorAuthErrors().stream()
          .map(e -> e.dataConnector() + (e.errorMessage().isBlank() ? "" : ": " + e.errorMessage()))
          .collect(Collectors.joining("; "));
      throw new AgentAccessDeniedException("agent " + agentId + " needs your OAuth consent before it can query "
          + "BigQuery" + (connectors.isEmpty() ? "" : " (" + connectors + ")"),
          AuthorizationSteps.forAgent(settings, uri), uri);
    }
    return result;
  }

  /** The error row of a failed call; failures that must stop the run (403, bad input, bugs) pass through. */
  private AgentError agentError(RuntimeException e) {
    if (e instanceof ApiFailure.FailedPrecondition) {
      return new AgentError(Kind.FAILED_PRECONDITION, e.getMessage());
    }
    if (e instanceof ApiFailure.Retryable && ((ApiFailure.Retryable) e).status == 400) {
      return new AgentError(Kind.REJECTED, e.getMessage() + " (rejected on every attempt)");
    }
    if (e instanceof ApiFailure.Retryable && ((ApiFailure.Retryable) e).status == 429) {
      return new AgentError(Kind.QUOTA, e.getMessage() + " (the retry budget ran out)");
    }
    if (e instanceof ApiFailure.Retryable) {
      return new AgentError(Kind.RETRIES_EXHAUSTED, e.getMessage() + " (gave up after retries)");
    }
    if (e instanceof ApiFailure.Timeout) {
      return new AgentError(Kind.TIMEOUT, e.getMessage());
    }
    if (e instanceof ApiFailure.Transport) {
      return new AgentError(Kind.TRANSPORT, e.getMessage());
    }
    if (e instanceof GeminiApiException) {
      return new AgentError(Kind.INVALID_RESPONSE, e.getMessage());
    }
    if (e instanceof ApiFailure.NotFound) {
      throw new InputException(e.getMessage() + " (check DIA_AGENT_ID, DIA_ENGINE_ID, DIA_LOCATION and "
          + "GOOGLE_CLOUD_PROJECT)");
    }
    throw e;
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "\n\n" + b;
  }

  /** What the calls of one conversation collected. Confined to the asking thread. */
  private static final class Conversation {
    /** extra headers of every streamAssist call of this conversation */
    final Map<String, String> headers;
    final List<Duration> latencies = new ArrayList<>();
    final Set<String> tokens = new LinkedHashSet<>();
    final List<String> raw = new ArrayList<>();
    final List<ToolEvent> toolEvents = new ArrayList<>();

    Conversation(Map<String, String> headers) {
      this.headers = headers;
    }

    void record(StreamAssistResult result) {
      tokens.addAll(result.assistTokens());
      raw.add(result.raw());
      toolEvents.addAll(result.toolEvents());
    }

    Answer answer(StreamAssistResult first, String thoughts, SqlFinder.Found found, Optional<AgentError> error) {
      return new Answer(first.text(), thoughts, found.sql(), found.source(), latencies, List.copyOf(tokens), raw,
          error, toolEvents);
    }
  }
}
