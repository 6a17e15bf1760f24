package dev.diaharness.optimize.opro;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.core.Json;
import dev.diaharness.optimize.ConfigField;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the parts of the optimizer prompts: configs, failures with their evidence, successes. Field text is
 * wrapped in tags ({@code <nl2sql_prompt>…</nl2sql_prompt>}) rather than Markdown fences, because prompts and
 * examples often contain fences themselves. Stateless.
 */
final class Sections {
  private Sections() {}

  static String tagged(String tag, String text) {
    return "<" + tag + ">\n" + (text.isBlank() ? "(empty)" : text.strip()) + "\n</" + tag + ">\n";
  }

  /** Every optimizable field of {@code config}, full text. */
  static String config(AgentConfig config) {
    StringBuilder s = new StringBuilder();
    for (ConfigField f : ConfigField.values()) {
      s.append(tagged(f.key(), f.read(config)));
    }
    return s.toString().strip();
  }

  /** The failures, each with its evidence summary and details cut to {@code evidenceChars}. */
  static String failures(List<FailedQuestion> failures, int max, int evidenceChars) {
    if (failures.isEmpty()) {
      return "(none)";
    }
    StringBuilder s = new StringBuilder();
    int n = 0;
    for (FailedQuestion f : failures.subList(0, Math.min(max, failures.size()))) {
      s.append(String.format(Locale.ROOT, "<failure n=\"%d\" status=\"%s\" repeats_passed=\"%.0f%%\">%n", ++n,
          f.status(), f.passRate() * 100));
      s.append("question: ").append(f.question().strip()).append('\n');
      s.append(tagged("expected_sql", f.expectedSql()));
      s.append(tagged("generated_sql", f.generatedSql().isBlank() ? "(the agent gave no SQL)" : f.generatedSql()));
      s.append("evidence: ").append(cap(f.evidenceSummary().strip(), evidenceChars)).append('\n');
      if (!f.details().isEmpty()) {
        s.append("details: ").append(cap(json(f.details()), evidenceChars)).append('\n');
      }
      s.append("</failure>\n");
    }
    if (failures.size() > max) {
      s.append("(").append(failures.size() - max).append(" more failures not shown)\n");
    }
    return s.toString().strip();
  }

  static String successes(List<TrainingEvidence.PassedQuestion> successes, int max) {
    if (successes.isEmpty() || max == 0) {
      return "(none yet)";
    }
    StringBuilder s = new StringBuilder();
    for (TrainingEvidence.PassedQuestion p : successes.subList(0, Math.min(max, successes.size()))) {
      s.append("<success>\nquestion: ").append(p.question().strip()).append('\n')
          .append(tagged("sql", p.expectedSql())).append("</success>\n");
    }
    if (successes.size() > max) {
      s.append("(").append(successes.size() - max).append(" more passing questions not shown)\n");
    }
    return s.toString().strip();
  }

  static String cap(String text, int chars) {
    return text.length() <= chars ? text : text.substring(0, chars) + " … (cut, " + text.length() + " characters)";
  }

  private static String json(Map<String, Object> details) {
    try {
      return Json.MAPPER.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      return String.valueOf(details);
    }
  }
}
