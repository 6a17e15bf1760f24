package dev.diaharness.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.diaharness.core.Json;
import dev.diaharness.optimize.FailureEntry;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.QuestionStats;
import dev.diaharness.run.RowsByQuestion;
import dev.diaharness.run.Split;
import dev.diaharness.scoring.Evidence;
import dev.diaharness.scoring.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The failures of one iteration with their evidence: per question that failed a repeat, the expected and the
 * generated SQL, the evidence summary, the judge's rationale and the structured details (counterexample rows,
 * differing rows), collapsible. From the eval rows; from the trajectory's failure list when the rows are gone.
 * Stateless.
 */
final class FailureBlocks {
  /** Failures per iteration the Markdown report shows (the HTML shows all; the JSONL holds every row in full). */
  static final int MARKDOWN_LIMIT = 10;
  /** Longest text of one evidence value shown; the rest is cut (the full value stays in the JSONL). */
  static final int VALUE_CHARS = 160;
  /** Items of a list (rows, columns…) shown per evidence value. */
  static final int LIST_ITEMS = 4;

  private FailureBlocks() {}

  static List<Block> blocks(RunRecord run, IterationData it) {
    List<Block> blocks = new ArrayList<>();
    for (Split split : MetricsBlocks.splits(run, it)) {
      Map<String, List<ItemResult>> rowsByQuestion = RowsByQuestion.of(it.rows(split));
      it.questions(split).forEach((id, q) -> {
        if (q.passes() < q.repeats()) {
          // the first repeat that did not pass: the one whose SQL and evidence the report shows
          rowsByQuestion.getOrDefault(id, List.of()).stream().filter(r -> !r.passed()).findFirst()
              .ifPresent(row -> blocks.add(details(split, id, q, row)));
        }
      });
    }
    if (blocks.isEmpty() && it.trainRows().isEmpty()) {
      it.record().map(r -> r.results().failures()).orElse(List.of()).forEach(f -> blocks.add(fromTrajectory(f)));
    }
    if (blocks.isEmpty()) {
      return List.of(new Block.Paragraph("Failures: none — every recorded answer passed."));
    }
    List<Block> all = new ArrayList<>();
    all.add(new Block.Paragraph("Failures (" + blocks.size() + " question(s); the first failing repeat of each, "
        + "with its SQL and evidence):"));
    all.add(new Block.Capped(MARKDOWN_LIMIT, "every failure is in report.html, and every row in full in "
        + "iterations/" + it.iteration() + "/eval_train.jsonl and eval_test.jsonl", blocks));
    return all;
  }

  private static Block details(Split split, String questionId, QuestionStats q, ItemResult row) {
    List<Block> body = new ArrayList<>();
    body.add(new Block.Paragraph("Question: " + q.question()));
    Status status = row.verdict().status();
    body.add(new Block.Paragraph("Status: " + status.name() + " (" + StatusStyle.label(status) + "), repeat "
        + row.key().repeat() + ", score " + row.verdict().score() + "; all repeats: " + Fmt.statuses(q.statuses())
        + "."));
    body.add(new Block.Paragraph("Expected SQL:"));
    body.add(new Block.Code("sql", nonEmpty(row.question().expectedSql(), "(none)")));
    String generated = row.answer().sql().orElse("");
    if (generated.isBlank()) {
      body.add(new Block.Paragraph("Generated SQL: none (source " + row.answer().sqlSource() + ")."));
    } else {
      body.add(new Block.Paragraph("Generated SQL (source " + row.answer().sqlSource() + "):"));
      body.add(new Block.Code("sql", generated));
    }
    if (!row.verdict().evidence().summary().isBlank()) {
      body.add(new Block.Paragraph("Evidence: " + row.verdict().evidence().summary()));
    }
    Object rationale = row.verdict().evidence().details().get("rationale");
    if (rationale != null) {
      body.add(new Block.Paragraph("Judge rationale: " + rationale));
    }
    List<String> facts = compact(row.verdict().evidence().details());
    if (!facts.isEmpty()) {
      body.add(new Block.Paragraph("Evidence details (long values cut; the full row is in iterations/"
          + row.key().iteration() + "/eval_" + split.label() + ".jsonl):"));
      body.add(new Block.Code("text", String.join("\n", facts)));
    }
    row.error().filter(e -> !e.message().isBlank()).ifPresent(e ->
        body.add(new Block.Paragraph("Error (" + e.kind() + "): " + e.message())));
    String summary = split.label() + " " + questionId + " — " + status.name() + " — "
        + Fmt.ratio(q.passes(), q.repeats()) + " passed — " + shortText(q.question());
    return new Block.Details(summary, body);
  }

  private static Block fromTrajectory(FailureEntry f) {
    List<Block> body = new ArrayList<>();
    body.add(new Block.Paragraph("Question: " + nonEmpty(f.question(), "-")));
    body.add(new Block.Paragraph("Expected SQL:"));
    body.add(new Block.Code("sql", nonEmpty(f.expectedSql(), "(none)")));
    body.add(new Block.Paragraph("Generated SQL:"));
    body.add(new Block.Code("sql", nonEmpty(f.generatedSql(), "(none)")));
    body.add(new Block.Paragraph("Evidence: " + nonEmpty(f.explanation(), "-")));
    return new Block.Details("train " + f.questionId() + " — " + nonEmpty(f.issue(), "-") + " — pass rate "
        + Fmt.pct(f.passRate()) + " — " + shortText(nonEmpty(f.question(), "")), body);
  }

  /**
   * The evidence details as one line per fact: a key spelt two ways ({@code lenientEqual}, {@code lenient_equal})
   * once, the judge's rationale left out (it has its own line), long texts and lists cut.
   */
  static List<String> compact(Map<String, Object> details) {
    List<String> lines = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    new java.util.TreeMap<>(details).forEach((key, value) -> {
      String normalized = key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
      if (key.equals("rationale") || value == null || !seen.add(normalized)) {
        return;
      }
      lines.add(key + ": " + shown(value));
    });
    return lines;
  }

  private static String shown(Object value) {
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.stream().limit(LIST_ITEMS).forEach(v -> items.add(cut(oneLine(v), VALUE_CHARS / 2)));
      return "[" + String.join(", ", items) + (list.size() > LIST_ITEMS
          ? ", … " + (list.size() - LIST_ITEMS) + " more" : "") + "]";
    }
    return cut(oneLine(value), VALUE_CHARS);
  }

  private static String oneLine(Object value) {
    if (value instanceof String text) {
      return text.replaceAll("\\s+", " ").strip();
    }
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "… (" + text.length() + " chars)";
  }

  private static String shortText(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 80 ? one : one.substring(0, 77) + "...";
  }

  private static String nonEmpty(String s, String otherwise) {
    return s == null || s.isBlank() ? otherwise : s;
  }
}
