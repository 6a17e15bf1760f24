package dev.diaharness.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.scoring.Evidence;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Status;
import dev.diaharness.scoring.Verdict;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The LLM judge (SPEC §4 step 5): asks the judge model, at temperature 0 with a JSON reply schema, whether the
 * generated SQL answers the question like the expected SQL. {@link JudgeMode#FLEXIBLE} grades the 100-point rubric
 * and passes at EQUIVALENT or MOSTLY_CORRECT; {@link JudgeMode#BINARY} passes only when the model could not build a
 * counterexample database. A reply that fails validation is retried once (telling the model what was wrong), then
 * the answer is UNDECIDED. The judge fails closed: a provider that stays down gives UNDECIDED with the reason, never a
 * pass. Results are cached and coalesced by {@link JudgeCache}; usage is recorded under {@link UsageRole#JUDGE}.
 *
 * <p>Not caught here, on purpose: {@link dev.diaharness.core.InputException} (rejected credentials: a configuration
 * error, exit 2) and {@link BudgetExceededException} (the run stops cleanly). Thread-safe.
 */
public final class LlmJudge {
  /** Generous, because thinking models spend output tokens before answering; also the budget's worst case. */
  static final int MAX_OUTPUT_TOKENS = 8192;
  private static final int SUMMARY_RATIONALE = 200;

  private final ChatModel model;
  private final JudgeMode mode;
  private final PromptTemplate prompt;
  private final JudgeCache cache;

  public LlmJudge(ChatModel model, JudgeMode mode, JudgeCache cache, UsageLedger ledger) {
    this(model, mode, cache, ledger, Optional.empty());
  }

  /** A judge whose calls are refused before they could cross {@code budget}. */
  public LlmJudge(ChatModel model, JudgeMode mode, JudgeCache cache, UsageLedger ledger, Optional<Budget> budget) {
    this.model = new MeteredChatModel(Objects.requireNonNull(model, "model"), UsageRole.JUDGE, ledger, budget);
    this.mode = Objects.requireNonNull(mode, "mode");
    this.prompt = JudgePrompt.of(mode);
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  public JudgeMode mode() {
    return mode;
  }

  /** The prompt version, part of the cache key and of each verdict's evidence. */
  public String promptVersion() {
    return prompt.version();
  }

  /** Judges one answer: JUDGED PASS/FAIL, or UNDECIDED/UNSUPPORTED when the judge could not give a valid verdict. */
  public Verdict judge(JudgeQuery query) {
    String key = JudgeCache.key(model.id(), prompt.version(), mode, query.question(), query.expectedSql(),
        query.generatedSql(), query.schemaDescription());
    Judgement judgement = cache.getOrCompute(key, this::decode, () -> ask(query), Judgement::json);
    return judgement.reply.map(this::verdict).orElseGet(() -> undecided(judgement.failure));
  }

  /** A valid reply, or why there is none. */
  private static final class Judgement {
    final Optional<JudgeReply> reply;
    final String failure;

    Judgement(Optional<JudgeReply> reply, String failure) {
      this.reply = reply;
      this.failure = failure;
    }

    Optional<JsonNode> json() {
      return reply.map(JudgeReply::toJson);
    }
  }

  private Optional<Judgement> decode(JsonNode stored) {
    try {
      return Optional.of(new Judgement(Optional.of(JudgeReply.fromJson(mode, stored)), ""));
    } catch (InvalidJudgeReplyException e) {
      return Optional.empty();
    }
  }

  private Judgement ask(JudgeQuery query) {
    ChatRequest first = ChatRequest.text(prompt.system(), prompt.user(values(query)), 0.0, MAX_OUTPUT_TOKENS)
        .withJsonSchema(prompt.schema());
    String problem = "";
    for (int attempt = 1; attempt <= 2; attempt++) {
      ChatRequest request = attempt == 1 ? first : correction(first, problem);
      ChatReply reply;
      try {
        reply = model.complete(request);
      } catch (ProviderException e) {
        return new Judgement(Optional.empty(), "judge unavailable: " + e.getMessage());
      }
      try {
        return new Judgement(Optional.of(JudgeReply.parse(mode, reply.text())), "");
      } catch (InvalidJudgeReplyException e) {
        problem = e.getMessage();
      }
    }
    return new Judgement(Optional.empty(), "judge reply invalid: " + problem);
  }

  private static ChatRequest correction(ChatRequest first, String problem) {
    String user = first.user() + "\n\nYOUR PREVIOUS REPLY WAS REJECTED: " + problem
        + ". Answer again with one JSON object that follows the required keys and rules exactly.";
    return new ChatRequest(first.system(), user, first.temperature(), first.maxOutputTokens(), true,
        first.jsonSchema());
  }

  private static Map<String, String> values(JudgeQuery query) {
    return Map.of(
        "question", query.question(),
        "expected_sql", query.expectedSql(),
        "generated_sql", query.generatedSql(),
        "thoughts", orNone(query.thoughts(), "(No thoughts provided)"),
        "response", orNone(query.response(), "(No response provided)"),
        "schema_description", orNone(query.schemaDescription(), "(No schema description provided)"));
  }

  private static String orNone(String text, String none) {
    return text.isBlank() ? none : text;
  }

  private Verdict verdict(JudgeReply reply) {
    Map<String, Object> details = baseDetails();
    details.put("rationale", rationaleOf(reply));
    if (reply instanceof JudgeReply.Rubric) {
      JudgeReply.Rubric rubric = (JudgeReply.Rubric) reply;
      details.put("judge_verdict", rubric.verdict().name());
      String summary = "judge " + model.id() + ": " + rubric.verdict() + " " + rubric.scores().total() + "/100";
      return Verdict.of(rubric.verdict().passes() ? Outcome.PASS : Outcome.FAIL, Status.JUDGED, rubric.scores(),
          new Evidence(withRationale(summary, rubric.rationale()), details));
    }
    JudgeReply.Equivalence binary = (JudgeReply.Equivalence) reply;
    details.put("judge_verdict", binary.equivalent() ? "EQUIVALENT" : "NOT_EQUIVALENT");
    if (!binary.equivalent()) {
      details.put("counterexample", binary.counterexample());
    }
    String summary = "judge " + model.id() + ": " + (binary.equivalent() ? "EQUIVALENT" : "NOT_EQUIVALENT");
    return Verdict.of(binary.equivalent() ? Outcome.PASS : Outcome.FAIL, Status.JUDGED,
        binary.equivalent() ? CategoryScores.FULL : CategoryScores.ZERO,
        new Evidence(withRationale(summary, binary.rationale()), details));
  }

  private Verdict undecided(String failure) {
    Map<String, Object> details = baseDetails();
    details.put("judge_failure", failure);
    return Verdict.of(Outcome.UNDECIDED, Status.UNSUPPORTED, CategoryScores.ZERO, new Evidence(failure, details));
  }

  private Map<String, Object> baseDetails() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("judge_model", model.id());
    details.put("judge_mode", mode.name().toLowerCase(Locale.ROOT));
    details.put("prompt_version", prompt.version());
    return details;
  }

  private static String rationaleOf(JudgeReply reply) {
    return reply instanceof JudgeReply.Rubric
        ? ((JudgeReply.Rubric) reply).rationale() : ((JudgeReply.Equivalence) reply).rationale();
  }

  private static String withRationale(String summary, String rationale) {
    String line = rationale.replaceAll("\\s+", " ").strip();
    if (line.isEmpty()) {
      return summary;
    }
    return summary + ": " + (line.length() <= SUMMARY_RATIONALE ? line : line.substring(0, SUMMARY_RATIONALE) + "…");
  }
}
