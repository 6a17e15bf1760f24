package dev.diaharness.agent.gemini;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.core.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * streamAssist bodies in the shape recorded from the real service (shared/reference/gemini-enterprise-api-facts.md):
 * a thought with {@code contentMetadata}, empty thought replies with a {@code replyId} and {@code statusUpdates}
 * around query generation and execution, the answer text in fragments without the SQL, then SUCCEEDED with
 * {@code sessionInfo}. Elements are streamed one chunk each, as the service flushes them.
 */
final class RecordedStreams {
  private final List<ObjectNode> elements = new ArrayList<>();
  private final String token = "AT-" + Integer.toHexString(System.identityHashCode(this));

  static RecordedStreams answer(String session, String prose) {
    RecordedStreams r = new RecordedStreams();
    r.thought("I will find out how many customers there are. First, I will generate the appropriate SQL query, "
        + "then I will execute it.\n\n\n", true);
    r.toolCall("FunctionCallId_0", "Generating BigQuery SQL queries starts");
    r.toolCall("10177153097010791149", "Generating BigQuery SQL queries finishes");
    r.toolCall("FunctionCallId_1", "Executing BigQuery SQL queries starts");
    r.toolCall("10177153097010791150", "Executing BigQuery SQL queries finishes");
    int half = prose.length() / 2;
    r.text(prose.substring(0, half));
    r.text(prose.substring(half));
    return r.end("SUCCEEDED", session);
  }

  RecordedStreams thought(String text, boolean withMetadata) {
    ObjectNode element = element("IN_PROGRESS");
    ObjectNode reply = replies(element).addObject();
    ObjectNode grounded = reply.putObject("groundedContent");
    grounded.putObject("content").put("role", "model").put("text", text).put("thought", true);
    if (withMetadata) {
      grounded.putObject("contentMetadata");
    }
    elements.add(element);
    return this;
  }

  /** An empty thought reply carrying {@code replyId}, with a status update of that invocation. */
  RecordedStreams toolCall(String replyId, String update) {
    ObjectNode element = element("IN_PROGRESS");
    ObjectNode reply = replies(element).addObject();
    reply.putObject("groundedContent").putObject("content").put("role", "model").put("text", "").put("thought", true);
    reply.put("replyId", replyId);
    element.putArray("statusUpdates").addObject().put("updateText", update).put("invocationId", replyId);
    elements.add(element);
    return this;
  }

  RecordedStreams text(String fragment) {
    ObjectNode element = element("IN_PROGRESS");
    replies(element).addObject().putObject("groundedContent").putObject("content").put("role", "model")
        .put("text", fragment);
    elements.add(element);
    return this;
  }

  /** A reply whose grounding holds {@code codeSnippet} with {@code documentMetadata.language}. */
  RecordedStreams grounding(String language, String snippet) {
    ObjectNode element = element("IN_PROGRESS");
    ObjectNode grounded = replies(element).addObject().putObject("groundedContent");
    grounded.putObject("content").put("role", "model").put("text", "");
    ObjectNode reference = grounded.putObject("textGroundingMetadata").putArray("references").addObject();
    reference.put("codeSnippet", snippet);
    reference.putObject("documentMetadata").put("language", language).put("title", "query");
    elements.add(element);
    return this;
  }

  RecordedStreams executableCode(String code) {
    ObjectNode element = element("IN_PROGRESS");
    ObjectNode content = replies(element).addObject().putObject("groundedContent").putObject("content");
    content.put("role", "model");
    content.putObject("executableCode").put("code", code);
    elements.add(element);
    return this;
  }

  RecordedStreams end(String state, String session) {
    ObjectNode element = element(state);
    element.putObject("sessionInfo").put("session", session);
    elements.add(element);
    return this;
  }

  /** The final element of a SKIPPED/CANCELLED answer with its {@code assistSkippedReasons}. */
  RecordedStreams endSkipped(String state, String session, String... reasons) {
    ObjectNode element = element(state);
    ArrayNode list = ((ObjectNode) element.get("answer")).putArray("assistSkippedReasons");
    for (String reason : reasons) {
      list.add(reason);
    }
    element.putObject("sessionInfo").put("session", session);
    elements.add(element);
    return this;
  }

  /** A response element with {@code connectorAuthErrors}, as the discovery document places them. */
  RecordedStreams connectorAuthError(String connector, String message) {
    ObjectNode element = Json.MAPPER.createObjectNode();
    element.putArray("connectorAuthErrors").addObject().put("dataConnector", connector).put("errorMessage", message);
    elements.add(element);
    return this;
  }

  private ObjectNode element(String state) {
    ObjectNode element = Json.MAPPER.createObjectNode();
    element.putObject("answer").put("state", state);
    element.put("assistToken", token);
    return element;
  }

  private static ArrayNode replies(ObjectNode element) {
    return ((ObjectNode) element.get("answer")).putArray("replies");
  }

  /** The body as one JSON array. */
  String body() {
    ArrayNode array = Json.MAPPER.createArrayNode();
    elements.forEach(array::add);
    return array.toString();
  }

  /** A reply streaming each element in its own chunk. */
  FakeGeminiServer.Reply reply() {
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      chunks.add((i == 0 ? "[" : ",\n") + elements.get(i));
    }
    chunks.add("\n]");
    return FakeGeminiServer.stream(Duration.ofMillis(2), chunks.toArray(String[]::new));
  }
}
