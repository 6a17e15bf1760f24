package dev.diaharness.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.diaharness.core.Json;
import dev.diaharness.optimize.FailureEntry;
import dev.diaharness.optimize.IterationRecord;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.Split;
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
  /** Sorted keys, so the same evidence always renders the same text. */
  private static final ObjectMapper PRETTY = Json.MAPPER.copy()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private FailureBlocks() {}

  static List<Block> blocks(RunRecord run, IterationData it) {
    List<Block> blocks = new ArrayList<>();
    for (Split split : MetricsBlocks.splits(run, it)) {
      for (QuestionStats q : QuestionStats.of(it.rows(split)).values()) {
        q.firstFailure().ifPresent(row -> blocks.add(details(split, q, row)));
      }
    }
    if (blocks.isEmpty() && it.trainRows().isEmpty()) {
      it.record().map(IterationRecord::failures).orElse(List.of()).forEach(f -> blocks.add(fromTrajectory(f)));
    }
    if (blocks.isEmpty()) {
      return List.of(new Block.Paragraph("Failures: none — every recorded answer passed."));
    }
    List<Block> all = new ArrayList<>();
    all.add(new Block.Paragraph("Failures (" + blocks.size() + " question(s); the first failing repeat of each, "
        + "with its SQL and evidence):"));
    all.addAll(blocks);
    return all;
  }

  private static Block details(Split split, QuestionStats q, ItemResult row) {
    List<Block> body = new ArrayList<>();
    body.add(new Block.Paragraph("Question: " + q.question()));
    body.add(new Block.Paragraph("Status: " + row.status().name() + " (" + StatusStyle.label(row.status())
        + "), repeat " + row.repeat() + ", score " + row.score() + "; all repeats: " + q.statusSummary() + "."));
    body.add(new Block.Paragraph("Expected SQL:"));
    body.add(new Block.Code("sql", nonEmpty(row.expectedSql(), "(none)")));
    if (row.generatedSql() == null || row.generatedSql().isBlank()) {
      body.add(new Block.Paragraph("Generated SQL: none (source " + row.sqlSource() + ")."));
    } else {
      body.add(new Block.Paragraph("Generated SQL (source " + row.sqlSource() + "):"));
      body.add(new Block.Code("sql", row.generatedSql()));
    }
    if (!row.evidence().summary().isBlank()) {
      body.add(new Block.Paragraph("Evidence: " + row.evidence().summary()));
    }
    Object rationale = row.evidence().details().get("rationale");
    if (rationale != null) {
      body.add(new Block.Paragraph("Judge rationale: " + rationale));
    }
    if (!row.evidence().details().isEmpty()) {
      body.add(new Block.Paragraph("Evidence details:"));
      body.add(new Block.Code("json", json(row.evidence().details())));
    }
    if (row.error() != null && !row.error().isBlank()) {
      body.add(new Block.Paragraph("Error" + (row.errorKind() == null ? "" : " (" + row.errorKind() + ")") + ": "
          + row.error()));
    }
    String summary = split.label() + " " + q.questionId() + " — " + row.status().name() + " — "
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

  static String json(Map<String, Object> details) {
    try {
      return PRETTY.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      return String.valueOf(details); // evidence read from JSON always writes back; this is only a fallback
    }
  }

  private static String shortText(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 80 ? one : one.substring(0, 77) + "...";
  }

  private static String nonEmpty(String s, String otherwise) {
    return s == null || s.isBlank() ? otherwise : s;
  }
}
