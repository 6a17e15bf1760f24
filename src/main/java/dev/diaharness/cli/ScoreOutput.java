package dev.diaharness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.diaharness.core.Json;
import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Verdict;
import dev.diaharness.sql.ComponentCategory;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints the verdicts of {@code score}: one JSON object per line, or a compact human block per pair (verdict,
 * status, score by category, evidence summary and the details that show why) with a closing tally. Not thread-safe.
 */
final class ScoreOutput {
  /**
   * Evidence details worth a line in the human output, in this order, with their labels. The counterexample
   * variant is not among them: the execution stage already names it in the summary.
   */
  private static final Map<String, String> SHOWN_DETAILS = shownDetails();

  private final PrintWriter out;
  private final boolean json;
  private final Map<Outcome, Integer> tally = new EnumMap<>(Outcome.class);

  ScoreOutput(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  void print(ScorePair pair, Verdict verdict) {
    tally.merge(verdict.outcome(), 1, Integer::sum);
    if (json) {
      out.println(toJson(pair, verdict));
    } else {
      printHuman(pair, verdict);
    }
    out.flush();
  }

  /** The tally line after all pairs (human output only: JSON lines stay one object per pair). */
  void finish() {
    if (json) {
      return;
    }
    int total = tally.values().stream().mapToInt(Integer::intValue).sum();
    out.println(total + " pair" + (total == 1 ? "" : "s") + ": " + tally.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
  }

  static String toJson(ScorePair pair, Verdict verdict) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("pair", pair.number());
    pair.questionId().ifPresent(id -> row.put("question_id", id));
    pair.question().ifPresent(q -> row.put("question", q));
    row.put("verdict", verdict.outcome().name());
    row.put("status", verdict.status().name());
    row.put("score", verdict.score());
    row.put("categories", verdict.categories());
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("summary", verdict.evidence().summary());
    evidence.put("details", verdict.evidence().details());
    row.put("evidence", evidence);
    try {
      return Json.MAPPER.writeValueAsString(row);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a verdict as JSON", e);
    }
  }

  private void printHuman(ScorePair pair, Verdict verdict) {
    out.println(pair.label());
    out.println("  " + verdict.outcome() + "  " + verdict.status() + "  score " + verdict.score() + "/100 ("
        + categories(verdict.categories()) + ")");
    out.println("  " + verdict.evidence().summary());
    Map<String, Object> details = verdict.evidence().details();
    Object expectedRows = details.get("expectedRowCount");
    Object generatedRows = details.get("actualRowCount");
    if (expectedRows != null && generatedRows != null && !expectedRows.equals(generatedRows)) {
      out.println("  rows: expected " + expectedRows + ", generated " + generatedRows);
    }
    SHOWN_DETAILS.forEach((key, label) -> {
      Object value = details.get(key);
      if (value != null && !(value instanceof Collection && ((Collection<?>) value).isEmpty())) {
        out.println("  " + label + ": " + render(value) + count(details, key));
      }
    });
  }

  static String categories(CategoryScores c) {
    return java.util.Arrays.stream(ComponentCategory.values())
        .map(category -> category.key() + " " + c.get(category) + "/" + category.max())
        .collect(Collectors.joining(", "));
  }

  private static String render(Object value) {
    if (value instanceof List) {
      return ((List<?>) value).stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    return String.valueOf(value);
  }

  /** "(5 of 12)" after a row list that the evidence cut short. */
  private static String count(Map<String, Object> details, String key) {
    Object shown = details.get(key);
    Object all = details.get(key + "Count");
    if (shown instanceof List && all instanceof Number && ((Number) all).intValue() > ((List<?>) shown).size()) {
      return " (" + ((List<?>) shown).size() + " of " + all + ")";
    }
    return "";
  }

  private static Map<String, String> shownDetails() {
    Map<String, String> shown = new LinkedHashMap<>();
    shown.put("reason", "why");
    shown.put("missingFromActual", "rows only the expected SQL returns");
    shown.put("extraInActual", "rows only the generated SQL returns");
    shown.put("firstDifferingPosition", "first row in a different position");
    shown.put("expectedRowAt", "expected row there");
    shown.put("actualRowAt", "generated row there");
    shown.put("extraActualColumns", "extra generated columns");
    shown.put("counterexample", "judge's counterexample");
    shown.put("judge_failure", "judge failure");
    return Collections.unmodifiableMap(shown);
  }
}
