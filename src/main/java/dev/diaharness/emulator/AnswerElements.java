package dev.diaharness.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the elements of a {@code streamAssist} response array in the shape recorded from the real service
 * (shared/reference/gemini-enterprise-api-facts.md): IN_PROGRESS elements whose {@code answer.replies[]} hold
 * thought fragments (the first with {@code contentMetadata}), then — when the agent ran a query — empty thought
 * replies with a {@code replyId} and {@code statusUpdates[]} around query generation and execution, optionally a
 * grounding reference holding the SQL as a {@code codeSnippet} in language SQL, then the answer text in fragments,
 * and a SUCCEEDED (or FAILED, SKIPPED, CANCELLED) element with {@code sessionInfo.session}. Every answer element
 * carries the {@code assistToken}. Stateless.
 */
final class AnswerElements {
  /** The status updates of one tool call, as recorded: a start and a finish, each with its own invocation id. */
  private static final List<String> TOOL_PHASES = List.of("Generating BigQuery SQL queries", "Executing BigQuery SQL "
      + "queries");

  private AnswerElements() {}

  /** A complete answer without tool calls: thought fragments, the answer text in fragments, the final element. */
  static List<ObjectNode> answer(String thoughts, String text, String assistToken, String session) {
    return answer(thoughts, text, false, Optional.empty(), assistToken, session);
  }

  /**
   * A complete answer: thought fragments; when {@code ranQuery}, the tool calls with their status updates, and the
   * SQL as a grounding {@code codeSnippet} when {@code groundedSql} is given; then the answer text and the end.
   */
  static List<ObjectNode> answer(String thoughts, String text, boolean ranQuery, Optional<String> groundedSql,
      String assistToken, String session) {
    List<ObjectNode> elements = new ArrayList<>();
    boolean first = true;
    for (String fragment : fragments(thoughts)) {
      ObjectNode element = progress(fragment, true, assistToken);
      if (first) {
        grounded(element).putObject("contentMetadata");
        first = false;
      }
      elements.add(element);
    }
    if (ranQuery) {
      long invocation = Long.parseUnsignedLong("10177153097010791149"); // a recorded invocation id
      for (int call = 0; call < TOOL_PHASES.size(); call++) {
        elements.add(toolCall("FunctionCallId_" + call, TOOL_PHASES.get(call) + " starts", assistToken));
        elements.add(toolCall(Long.toUnsignedString(invocation + call), TOOL_PHASES.get(call) + " finishes",
            assistToken));
      }
    }
    groundedSql.ifPresent(sql -> elements.add(grounding(sql, assistToken)));
    for (String fragment : fragments(text)) {
      elements.add(progress(fragment, false, assistToken));
    }
    elements.add(last("SUCCEEDED", assistToken, session));
    return elements;
  }

  /** An answer that ends SKIPPED or CANCELLED, with its {@code assistSkippedReasons}. */
  static List<ObjectNode> notAnswered(String state, String reason, String assistToken, String session) {
    List<ObjectNode> elements = new ArrayList<>();
    elements.add(progress("Looking at the question.", true, assistToken));
    ObjectNode end = last(state, assistToken, session);
    ((ObjectNode) end.get("answer")).putArray("assistSkippedReasons").add(reason);
    elements.add(end);
    return elements;
  }

  /** The agent's data connector lost its consent: {@code connectorAuthErrors[]} on the response, state FAILED. */
  static List<ObjectNode> connectorAuthError(String connector, String assistToken, String session) {
    ObjectNode element = Json.MAPPER.createObjectNode();
    element.putArray("connectorAuthErrors").addObject().put("dataConnector", connector)
        .put("errorMessage", "The user's OAuth token for BigQuery is missing or expired (emulated fault).");
    element.put("assistToken", assistToken);
    return List.of(element, last("FAILED", assistToken, session));
  }

  /** An empty thought reply carrying {@code replyId}, with the status update of that invocation. */
  private static ObjectNode toolCall(String replyId, String update, String assistToken) {
    ObjectNode element = progress("", true, assistToken);
    ((ObjectNode) element.path("answer").path("replies").get(0)).put("replyId", replyId);
    element.putArray("statusUpdates").addObject().put("updateText", update).put("invocationId", replyId);
    return element;
  }

  /** A reply whose grounding holds the SQL as a {@code codeSnippet} with {@code documentMetadata.language} SQL. */
  private static ObjectNode grounding(String sql, String assistToken) {
    ObjectNode element = progress("", true, assistToken);
    ObjectNode reference = grounded(element).putObject("textGroundingMetadata").putArray("references").addObject();
    reference.put("codeSnippet", sql);
    reference.putObject("documentMetadata").put("language", "SQL").put("title", "BigQuery SQL");
    return element;
  }

  private static ObjectNode grounded(ObjectNode element) {
    return (ObjectNode) element.path("answer").path("replies").get(0).get("groundedContent");
  }

  /** An answer that failed after starting (state FAILED, no text). */
  static List<ObjectNode> failed(String thoughts, String assistToken, String session) {
    List<ObjectNode> elements = new ArrayList<>();
    if (!thoughts.isBlank()) {
      elements.add(progress(thoughts, true, assistToken));
    }
    elements.add(last("FAILED", assistToken, session));
    return elements;
  }

  /** The agent lacks the user's OAuth consent for its tool: {@code answer.requiredAuthorizations[]}. */
  static List<ObjectNode> consentRequired(String authorization, String assistToken, String session) {
    ObjectNode element = Json.MAPPER.createObjectNode();
    ObjectNode auth = element.putObject("answer").putArray("requiredAuthorizations").addObject();
    auth.put("authorization", authorization);
    auth.put("displayName", "BigQuery access (emulated)");
    auth.put("authorizationUri", "https://accounts.google.com/o/oauth2/v2/auth?client_id=emulator-client"
        + "&scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fbigquery&response_type=code&access_type=offline");
    element.put("assistToken", assistToken);
    ObjectNode end = Json.MAPPER.createObjectNode();
    end.putObject("sessionInfo").put("session", session);
    return List.of(element, end);
  }

  private static ObjectNode progress(String text, boolean thought, String assistToken) {
    ObjectNode element = Json.MAPPER.createObjectNode();
    ObjectNode answer = element.putObject("answer");
    answer.put("state", "IN_PROGRESS");
    ArrayNode replies = answer.putArray("replies");
    ObjectNode content = replies.addObject().putObject("groundedContent").putObject("content");
    content.put("role", "model");
    content.put("text", text);
    if (thought) {
      content.put("thought", true);
    }
    element.put("assistToken", assistToken);
    return element;
  }

  private static ObjectNode last(String state, String assistToken, String session) {
    ObjectNode element = Json.MAPPER.createObjectNode();
    element.putObject("answer").put("state", state);
    element.put("assistToken", assistToken);
    element.putObject("sessionInfo").put("session", session);
    return element;
  }

  /**
   * Splits a text into fragments at paragraph and line ends (keeping the separators, so that appending the
   * fragments gives the text back): a SQL fence spans several elements, as with the real service.
   */
  static List<String> fragments(String text) {
    List<String> fragments = new ArrayList<>();
    if (text.isEmpty()) {
      return fragments;
    }
    int start = 0;
    while (start < text.length()) {
      int cut = text.indexOf('\n', start + 1);
      if (cut < 0 || text.length() - cut < 4) {
        fragments.add(text.substring(start));
        break;
      }
      fragments.add(text.substring(start, cut + 1));
      start = cut + 1;
    }
    return fragments;
  }
}
