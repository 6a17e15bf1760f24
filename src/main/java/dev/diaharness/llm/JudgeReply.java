package dev.diaharness.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.core.Json;
import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.sql.ComponentCategory;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A judge reply that passed validation. Validation is strict because the Python tool trusted a verdict that
 * contradicted its own arithmetic: every score must be an integer within its category maximum, the total must equal
 * their sum and the verdict must be the total's band; a binary NOT_EQUIVALENT must carry its counterexample.
 */
public sealed interface JudgeReply permits JudgeReply.Rubric, JudgeReply.Equivalence {

  /** The reply as JSON, for the cache (parses back to an equal reply). */
  JsonNode toJson();

  /** A flexible-mode reply: the six category scores, the verdict band and the rationale. */
  record Rubric(CategoryScores scores, RubricVerdict verdict, String rationale) implements JudgeReply {
    public Rubric {
      Objects.requireNonNull(scores, "scores");
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(rationale, "rationale");
    }

    @Override
    public JsonNode toJson() {
      ObjectNode json = Json.MAPPER.createObjectNode();
      for (ComponentCategory category : ComponentCategory.values()) {
        json.put(category.key(), scores.get(category));
      }
      return json.put("total", scores.total()).put("verdict", verdict.name()).put("rationale", rationale);
    }
  }

  /** A binary-mode reply: equivalent or not, with the counterexample when not. */
  record Equivalence(boolean equivalent, String counterexample, String rationale) implements JudgeReply {
    public Equivalence {
      Objects.requireNonNull(counterexample, "counterexample");
      Objects.requireNonNull(rationale, "rationale");
    }

    @Override
    public JsonNode toJson() {
      return Json.MAPPER.createObjectNode().put("verdict", equivalent ? "EQUIVALENT" : "NOT_EQUIVALENT")
          .put("counterexample", counterexample).put("rationale", rationale);
    }
  }

  /**
   * Parses and validates a reply text (one JSON object; a surrounding code fence is tolerated).
   *
   * @throws InvalidJudgeReplyException with the first problem found
   */
  static JudgeReply parse(JudgeMode mode, String text) throws InvalidJudgeReplyException {
    JsonNode root = readObject(text);
    return mode == JudgeMode.FLEXIBLE ? rubric(root) : equivalence(root);
  }

  /** Parses a reply stored by {@link #toJson()}. */
  static JudgeReply fromJson(JudgeMode mode, JsonNode stored) throws InvalidJudgeReplyException {
    return mode == JudgeMode.FLEXIBLE ? rubric(stored) : equivalence(stored);
  }

  private static JsonNode readObject(String text) throws InvalidJudgeReplyException {
    String body = text == null ? "" : text.strip();
    if (body.startsWith("```")) {
      int firstLine = body.indexOf('\n');
      int closing = body.lastIndexOf("```");
      body = firstLine < 0 || closing <= firstLine ? "" : body.substring(firstLine + 1, closing).strip();
    }
    if (body.isEmpty()) {
      throw new InvalidJudgeReplyException("empty reply");
    }
    try {
      JsonNode root = Json.MAPPER.readTree(body);
      if (root == null || !root.isObject()) {
        throw new InvalidJudgeReplyException("the reply is not a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new InvalidJudgeReplyException("the reply is not JSON: " + JsonHttp.snippet(body));
    }
  }

  private static Rubric rubric(JsonNode root) throws InvalidJudgeReplyException {
    Map<ComponentCategory, Integer> byCategory = new EnumMap<>(ComponentCategory.class);
    for (ComponentCategory category : ComponentCategory.values()) {
      byCategory.put(category, score(root, category.key(), category.max()));
    }
    CategoryScores scores = CategoryScores.from(byCategory::get);
    int total = score(root, "total", 100);
    if (total != scores.total()) {
      throw new InvalidJudgeReplyException("total " + total + " is not the sum of the categories " + scores.total());
    }
    String verdictText = text(root, "verdict");
    RubricVerdict verdict;
    try {
      verdict = RubricVerdict.valueOf(verdictText);
    } catch (IllegalArgumentException e) {
      throw new InvalidJudgeReplyException("unknown verdict '" + verdictText + "'");
    }
    if (verdict != RubricVerdict.forTotal(total)) {
      throw new InvalidJudgeReplyException("verdict " + verdict + " contradicts the total " + total
          + " (band " + RubricVerdict.forTotal(total) + ")");
    }
    return new Rubric(scores, verdict, text(root, "rationale"));
  }

  private static Equivalence equivalence(JsonNode root) throws InvalidJudgeReplyException {
    String verdict = text(root, "verdict");
    if (!verdict.equals("EQUIVALENT") && !verdict.equals("NOT_EQUIVALENT")) {
      throw new InvalidJudgeReplyException("verdict must be EQUIVALENT or NOT_EQUIVALENT, got '" + verdict + "'");
    }
    boolean equivalent = verdict.equals("EQUIVALENT");
    String counterexample = text(root, "counterexample");
    if (!equivalent && counterexample.isBlank()) {
      throw new InvalidJudgeReplyException("NOT_EQUIVALENT without a counterexample");
    }
    return new Equivalence(equivalent, counterexample, text(root, "rationale"));
  }

  private static int score(JsonNode root, String key, int max) throws InvalidJudgeReplyException {
    JsonNode node = root.get(key);
    if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new InvalidJudgeReplyException(key + " must be an integer, got " + node);
    }
    int value = node.intValue();
    if (value < 0 || value > max) {
      throw new InvalidJudgeReplyException(key + " must be within 0.." + max + ", got " + value);
    }
    return value;
  }

  private static String text(JsonNode root, String key) throws InvalidJudgeReplyException {
    JsonNode node = root.get(key);
    if (node == null || !node.isTextual()) {
      throw new InvalidJudgeReplyException(key + " must be a string, got " + node);
    }
    return node.asText().strip();
  }

}
