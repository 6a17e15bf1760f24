package dev.diaharness.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.core.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the elements of a {@code streamAssist} response array as the real service shapes them (SPEC §3.1):
 * IN_PROGRESS elements whose {@code answer.replies[]} hold fragments of the text to append (thoughts marked
 * {@code thought: true}), then a SUCCEEDED (or FAILED) element, and {@code sessionInfo.session} in the last one.
 * Every answer element carries the {@code assistToken}. Stateless.
 */
final class AnswerElements {
  private AnswerElements() {}

  /** A complete answer: thought fragments first, then the answer text in fragments, then the final element. */
  static List<ObjectNode> answer(String thoughts, String text, String assistToken, String session) {
    List<ObjectNode> elements = new ArrayList<>();
    for (String fragment : fragments(thoughts)) {
      elements.add(progress(fragment, true, assistToken));
    }
    for (String fragment : fragments(text)) {
      elements.add(progress(fragment, false, assistToken));
    }
    elements.add(last("SUCCEEDED", assistToken, session));
    return elements;
  }

  /** An answer that failed after starting (state FAILED, no text). */
  static List<ObjectNode> failed(String thoughts, String assistToken, String session) {
    List<ObjectNode> elements = new ArrayList<>();
    if (!thoughts.isBlank()) {
      elements.add(progress(thoughts, true, assistToken));
    }
    ObjectNode end = last("FAILED", assistToken, session);
    ((ObjectNode) end.get("answer")).putArray("answerSkippedReasons");
    elements.add(end);
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
