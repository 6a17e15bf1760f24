package dev.diaharness.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.diaharness.core.Json;
import dev.diaharness.emulator.HttpJson.ApiError;
import dev.diaharness.emulator.brain.BrainFailedException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import dev.diaharness.agent.gemini.GeminiAgent;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The conversation endpoints: {@code POST {engine}/sessions} and {@code POST {assistant}:streamAssist}. The answer
 * is a JSON array written element by element with chunked transfer and a flush after each element, as the real
 * service streams it. Injected latency and faults ({@link FaultInjector}) apply to streamAssist only: the status
 * faults (429 with Retry-After, 500, 403) before the request is read, the answer faults (consent, failed,
 * truncate) in the stream. Thread-safe.
 */
final class StreamAssistEndpoint {
  private final AgentStore agents;
  private final SessionStore sessions;
  private final Conversations conversations;
  private final FaultInjector faults;
  private final RequestMetrics metrics;
  private final String authorizationName;
  private final boolean groundedSql;
  private final AtomicLong tokens = new AtomicLong(1);

  /** @param groundedSql {@code --grounded-sql}: answers carry their SQL as a grounding {@code codeSnippet} */
  StreamAssistEndpoint(AgentStore agents, SessionStore sessions, Conversations conversations,
      FaultInjector faults, RequestMetrics metrics, String authorizationName, boolean groundedSql) {
    this.agents = agents;
    this.sessions = sessions;
    this.conversations = conversations;
    this.faults = faults;
    this.metrics = metrics;
    this.authorizationName = authorizationName;
    this.groundedSql = groundedSql;
  }

  /** {@code DELETE {engine}/sessions/{id}}: 200 with an empty body, 404 for an unknown session. */
  void deleteSession(HttpExchange exchange, String name) throws IOException {
    HttpJson.readBytes(exchange);
    sessions.delete(name);
    HttpJson.send(exchange, 200, Json.MAPPER.createObjectNode());
  }

  void createSession(HttpExchange exchange) throws IOException {
    JsonNode body = HttpJson.readBody(exchange);
    SessionStore.Session session = sessions.create();
    ObjectNode reply = Json.MAPPER.createObjectNode();
    reply.put("name", session.name);
    reply.put("displayName", body.path("displayName").asText(""));
    HttpJson.send(exchange, 200, reply);
  }

  void streamAssist(HttpExchange exchange) throws IOException {
    long arrival = System.nanoTime();
    byte[] request = HttpJson.readBytes(exchange);
    JsonNode body = HttpJson.parse(request);
    String question = body.path("query").path("text").asText("");
    if (question.isBlank()) {
      throw ApiError.invalid("query.text is required.");
    }
    SessionStore.Session session = sessions.resolve(body.path("session").asText(""));
    // the fault is drawn for this call's place in its conversation, not for its arrival order
    FaultInjector.Decision decision = faults.decide(session.nextCall(question, faults::nextConversation));
    sleep(decision.delay());
    Optional<FaultPlan.Kind> fault = decision.fault();
    fault.ifPresent(metrics::recordFault);
    if (fault.isPresent() && sendStatusFault(exchange, fault.get())) {
      return;
    }
    String agentId = body.path("agentsSpec").path("agentSpecs").path(0).path("agentId").asText("");
    AgentStore.StoredAgent agent = agentId.isEmpty() ? null : agents.get(agentId);
    if (agent != null && !AgentStore.ENABLED.equals(agent.state())) {
      throw ApiError.precondition("Agent " + agent.name() + " is not deployed (state " + agent.state() + ").");
    }
    session.turnAnswered();
    String token = "emulator-" + Long.toHexString(tokens.getAndIncrement());
    if (fault.isPresent() && fault.get() == FaultPlan.Kind.CONSENT_REQUIRED) {
      stream(exchange, AnswerElements.consentRequired(authorizationName, token, session.name), false);
      return;
    }
    List<ObjectNode> elements = answer(agent, session, question, repeatOf(exchange), token, fault);
    stream(exchange, elements, fault.isPresent() && fault.get() == FaultPlan.Kind.TRUNCATED_STREAM);
    metrics.recordTurn(new AgentTurn(agentId, arrival, System.nanoTime()));
  }

  /** The harness's repeat number of the question (header), when it sent one; a positive number or empty. */
  private static OptionalInt repeatOf(HttpExchange exchange) {
    String value = exchange.getRequestHeaders().getFirst(GeminiAgent.REPEAT_HEADER);
    try {
      int repeat = value == null ? 0 : Integer.parseInt(value.strip());
      return repeat > 0 ? OptionalInt.of(repeat) : OptionalInt.empty();
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  private List<ObjectNode> answer(AgentStore.StoredAgent agent, SessionStore.Session session, String question,
      OptionalInt repeat, String token, Optional<FaultPlan.Kind> fault) {
    if (agent == null) {
      Conversations.Reply reply = Conversations.assistantReply();
      return AnswerElements.answer(reply.thoughts(), reply.text(), token, session.name);
    }
    if (fault.isPresent()) {
      switch (fault.get()) {
        case FAILED_ANSWER:
          return AnswerElements.failed("I started working on the question.", token, session.name);
        case SKIPPED_ANSWER:
          return AnswerElements.notAnswered("SKIPPED", "OUT_OF_DOMAIN_QUERY_IGNORED", token, session.name);
        case CANCELLED_ANSWER:
          return AnswerElements.notAnswered("CANCELLED", "ASSIST_CANCELLED (emulated fault)", token, session.name);
        case CONNECTOR_AUTH:
          return AnswerElements.connectorAuthError(agent.name().replaceFirst("/assistants/.*", "")
              + "/dataConnector", token, session.name);
        default:
          break;
      }
    }
    try {
      Conversations.Reply reply = conversations.agentReply(agent.id(), agent.config(), session, question,
          repeat);
      reply.sql().ifPresent(session::rememberSql);
      return AnswerElements.answer(reply.thoughts(), reply.text(), reply.ranQuery(),
          groundedSql && reply.ranQuery() ? reply.sql() : Optional.empty(), token, session.name);
    } catch (BrainFailedException e) {
      return AnswerElements.failed("The model behind the agent failed: " + e.getMessage(), token, session.name);
    }
  }

  /** Sends 429/500/403 and returns true, or returns false for the faults that happen inside the stream. */
  private boolean sendStatusFault(HttpExchange exchange, FaultPlan.Kind kind) throws IOException {
    switch (kind) {
      case RATE_LIMITED:
        long seconds = Math.max(0, (faults.plan().retryAfter().toMillis() + 999) / 1000);
        exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
        HttpJson.sendError(exchange, 429, "RESOURCE_EXHAUSTED",
            "Quota exceeded for streamAssist requests (emulated fault).");
        return true;
      case SERVER_ERROR:
        HttpJson.sendError(exchange, 500, "INTERNAL", "Internal error encountered (emulated fault).");
        return true;
      case FORBIDDEN:
        HttpJson.sendError(exchange, 403, "PERMISSION_DENIED",
            "The caller does not have permission to use this agent (emulated fault).");
        return true;
      default:
        return false;
    }
  }

  /** Writes the array element by element, flushing each; a truncated stream stops inside an element. */
  private static void stream(HttpExchange exchange, List<ObjectNode> elements, boolean truncate)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(200, 0); // 0 = chunked transfer
    try (OutputStream out = exchange.getResponseBody()) {
      out.write("[".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < elements.size(); i++) {
        byte[] element = Json.MAPPER.writeValueAsBytes(elements.get(i));
        // the separator comes first, so a truncated stream is valid JSON up to the cut, as a dropped connection
        out.write(((i == 0 ? "" : ",") + "\n").getBytes(StandardCharsets.UTF_8));
        if (truncate && i == elements.size() / 2) {
          out.write(element, 0, element.length / 2);
          out.flush();
          return; // the client sees the body end inside an element, with no closing bracket
        }
        out.write(element);
        out.flush();
      }
      out.write("\n]".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void sleep(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis(), (int) (delay.toNanosPart() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
