package dev.diaharness.agent.gemini;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.agent.AgentError;
import dev.diaharness.agent.AgentError.Kind;
import dev.diaharness.agent.ToolEvent;
import dev.diaharness.agent.gemini.StreamAssistResult.ConnectorAuthError;
import dev.diaharness.agent.gemini.StreamAssistResult.RequiredAuthorization;
import dev.diaharness.core.Json;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a streamAssist response incrementally (SPEC §3.1): a JSON array whose elements arrive as the agent produces
 * them. Each element is read as soon as it is complete, so a stall or a cut shows up where it happens. Every outcome
 * is a {@link StreamAssistResult}; a FAILED, SKIPPED or CANCELLED answer, an array that never closes, invalid JSON, a
 * timeout or a broken connection become its {@code error}, never an exception. Tool-progress elements (status
 * updates, empty replies that carry a {@code replyId}) become tool events, never answer text; SQL the service types
 * (a grounding {@code codeSnippet} in SQL, {@code executableCode}) is kept apart. Field names: docs/gemini.md. One
 * instance per response; not thread-safe.
 */
public final class StreamAssistParser {
  /** Default cap of the raw body kept for debugging (an error row keeps this much). */
  public static final int DEFAULT_RAW_CAP = 64 * 1024;

  private final StringBuilder text = new StringBuilder();
  private final StringBuilder thoughts = new StringBuilder();
  private final Set<String> assistTokens = new LinkedHashSet<>();
  private final List<RequiredAuthorization> authorizations = new ArrayList<>();
  private final List<ConnectorAuthError> connectorErrors = new ArrayList<>();
  private final List<ToolEvent> toolEvents = new ArrayList<>();
  private final List<String> groundedSql = new ArrayList<>();
  private final List<String> executableCode = new ArrayList<>();
  private Optional<String> state = Optional.empty();
  private Optional<String> session = Optional.empty();
  private Optional<AgentError> streamError = Optional.empty();
  private String failureDetail = "";

  private StreamAssistParser() {}

  /** Parses {@code body} to its end (or first failure) and closes it. */
  public static StreamAssistResult parse(InputStream body) {
    return parse(body, DEFAULT_RAW_CAP);
  }

  /** As {@link #parse(InputStream)}, keeping at most {@code rawCap} bytes of the raw body. */
  public static StreamAssistResult parse(InputStream body, int rawCap) {
    StreamAssistParser parser = new StreamAssistParser();
    RawCapture capture = new RawCapture(body, rawCap);
    Optional<AgentError> error = parser.read(capture);
    return parser.result(capture.captured(), error);
  }

  private Optional<AgentError> read(InputStream in) {
    try (in; JsonParser json = Json.MAPPER.createParser(in)) {
      JsonToken first = json.nextToken();
      if (first == null) {
        return error(Kind.TRUNCATED, "the stream ended before any answer arrived");
      }
      if (first == JsonToken.START_OBJECT) { // a lone object, as the Python tool also accepted
        accept(json.readValueAsTree());
        return Optional.empty();
      }
      if (first != JsonToken.START_ARRAY) {
        return error(Kind.INVALID_RESPONSE, "the answer is not a JSON array (starts with " + first + ")");
      }
      return readElements(json);
    } catch (TimedBodyStream.StreamTimeoutException e) {
      return error(Kind.TIMEOUT, e.getMessage());
    } catch (JsonEOFException e) {
      return error(Kind.TRUNCATED, "the stream ended in the middle of an element");
    } catch (JsonProcessingException e) {
      return error(Kind.INVALID_RESPONSE, "invalid JSON in the answer: " + e.getOriginalMessage());
    } catch (IOException e) {
      return error(Kind.TRANSPORT, "reading the answer failed: " + e.getMessage());
    }
  }

  private Optional<AgentError> readElements(JsonParser json) throws IOException {
    while (true) {
      JsonToken token = json.nextToken();
      if (token == JsonToken.END_ARRAY) {
        return Optional.empty();
      }
      if (token == null) {
        return error(Kind.TRUNCATED, "the stream ended before the answer was complete (the array never closed)");
      }
      if (token != JsonToken.START_OBJECT) {
        return error(Kind.INVALID_RESPONSE, "unexpected " + token + " in the answer array");
      }
      accept(json.readValueAsTree());
      if (streamError.isPresent()) {
        return streamError;
      }
    }
  }

  private void accept(JsonNode element) {
    JsonNode answer = element.path("answer");
    if (answer.hasNonNull("state")) {
      state = Optional.of(answer.get("state").asText());
    }
    for (JsonNode reply : answer.path("replies")) {
      acceptReply(reply);
    }
    for (JsonNode auth : answer.path("requiredAuthorizations")) {
      authorizations.add(new RequiredAuthorization(auth.path("authorization").asText(""),
          auth.path("displayName").asText(""), auth.path("authorizationUri").asText("")));
    }
    // the discovery document puts connectorAuthErrors on the response; accept them on the answer too
    for (JsonNode auth : concat(element.path("connectorAuthErrors"), answer.path("connectorAuthErrors"))) {
      connectorErrors.add(new ConnectorAuthError(auth.path("dataConnector").asText(""),
          auth.path("errorMessage").asText("")));
    }
    for (JsonNode update : element.path("statusUpdates")) {
      toolEvents.add(new ToolEvent(ToolEvent.Kind.STATUS, update.path("invocationId").asText(""),
          update.path("updateText").asText("")));
    }
    failureDetail = detail(answer).orElse(failureDetail);
    textOf(element.path("assistToken")).ifPresent(assistTokens::add);
    textOf(element.path("sessionInfo").path("session")).ifPresent(s -> session = Optional.of(s));
    JsonNode error = element.path("error");
    if (error.isObject()) {
      String status = error.path("status").asText("");
      String reason = "the stream reported " + status + ": " + error.path("message").asText("");
      streamError = Optional.of(new AgentError(
          status.equals("FAILED_PRECONDITION") ? Kind.FAILED_PRECONDITION : Kind.TRANSPORT, reason));
    }
  }

  /** Text to the answer or the thoughts; a reply that only carries a {@code replyId} is a tool call. */
  private void acceptReply(JsonNode reply) {
    JsonNode grounded = reply.path("groundedContent");
    JsonNode content = grounded.path("content");
    boolean thought = content.path("thought").asBoolean(false) || grounded.path("thought").asBoolean(false);
    String fragment = content.path("text").asText("");
    (thought ? thoughts : text).append(fragment);
    textOf(content.path("executableCode").path("code")).ifPresent(executableCode::add);
    JsonNode result = content.path("codeExecutionResult");
    if (result.isObject()) {
      toolEvents.add(new ToolEvent(ToolEvent.Kind.CODE_RESULT, reply.path("replyId").asText(""),
          (result.path("outcome").asText("") + " " + result.path("output").asText("")).strip()));
    }
    if (fragment.isEmpty() && !content.has("executableCode") && !result.isObject()
        && textOf(reply.path("replyId")).isPresent()) {
      toolEvents.add(new ToolEvent(ToolEvent.Kind.TOOL_CALL, reply.get("replyId").asText(), ""));
    }
    for (JsonNode reference : grounded.path("textGroundingMetadata").path("references")) {
      String language = reference.path("documentMetadata").path("language").asText("");
      if (language.equalsIgnoreCase("SQL")) {
        textOf(reference.path("codeSnippet")).ifPresent(groundedSql::add);
      }
    }
  }

  private static List<JsonNode> concat(JsonNode a, JsonNode b) {
    List<JsonNode> all = new ArrayList<>();
    a.forEach(all::add);
    b.forEach(all::add);
    return all;
  }

  /** Why an answer failed, was skipped or cancelled, when the service said. */
  private static Optional<String> detail(JsonNode answer) {
    List<String> reasons = new ArrayList<>();
    answer.path("assistSkippedReasons").forEach(r -> reasons.add(r.asText()));
    answer.path("answerSkippedReasons").forEach(r -> reasons.add(r.asText())); // the name the Python tool read
    textOf(answer.path("failureReason")).ifPresent(reasons::add);
    textOf(answer.path("errorMessage")).ifPresent(reasons::add);
    return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", reasons));
  }

  private static Optional<String> textOf(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
  }

  private static Optional<AgentError> error(Kind kind, String reason) {
    return Optional.of(new AgentError(kind, reason));
  }

  private StreamAssistResult result(String raw, Optional<AgentError> readError) {
    Optional<AgentError> error = readError.or(this::stateError);
    return new StreamAssistResult(text.toString().strip(), thoughts.toString().strip(), state,
        List.copyOf(assistTokens), session, authorizations, raw, error, toolEvents, groundedSql, executableCode,
        connectorErrors);
  }

  private Optional<AgentError> stateError() {
    String suffix = failureDetail.isEmpty() ? "" : ": " + failureDetail;
    if (state.filter("FAILED"::equals).isPresent()) {
      return error(Kind.FAILED, "the agent's answer FAILED" + suffix);
    }
    if (state.filter("SKIPPED"::equals).isPresent()) {
      return error(Kind.SKIPPED, "the agent SKIPPED the question" + suffix);
    }
    if (state.filter("CANCELLED"::equals).isPresent()) {
      return error(Kind.CANCELLED, "the agent's answer was CANCELLED" + suffix);
    }
    return Optional.empty();
  }

  /** Keeps the first bytes of what the parser reads, for the answer's raw record. */
  private static final class RawCapture extends FilterInputStream {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int cap;

    RawCapture(InputStream in, int cap) {
      super(in);
      this.cap = cap;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && kept.size() < cap) {
        kept.write(b);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        kept.write(buffer, offset, Math.min(n, cap - kept.size()));
      }
      return n;
    }

    String captured() {
      return kept.toString(StandardCharsets.UTF_8);
    }
  }
}
