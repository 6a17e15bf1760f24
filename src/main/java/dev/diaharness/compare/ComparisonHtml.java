package dev.diaharness.compare;

import java.util.List;

/**
 * {@code compare --html F}: one self-contained page — both runs, per split the accuracies with intervals and the
 * p-value, then the fixed and broken questions with the SQL of A and B side by side; the unchanged ones folded.
 */
public final class ComparisonHtml {
  private static final String CSS = String.join("\n",
      "body { font-family: -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; color: #222;"
          + " background: #fafafa; margin: 0; }",
      "main { max-width: 1200px; margin: 0 auto; padding: 1.5em 2em 4em; background: #fff; }",
      "h1 { border-bottom: 3px solid #1565C0; padding-bottom: .3em; }",
      "h2 { border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 2em; }",
      "table { border-collapse: collapse; margin: .8em 0; font-size: .92em; width: 100%; }",
      "th, td { border: 1px solid #ddd; padding: .3em .6em; text-align: left; vertical-align: top; }",
      "th { background: #f0f4fa; }",
      "td.sql { width: 38%; }",
      "code { font-family: Menlo, Consolas, monospace; font-size: .85em; white-space: pre-wrap;"
          + " word-break: break-word; }",
      "details { border: 1px solid #e1e4e8; border-radius: 4px; margin: .4em 0; padding: .3em .7em; }",
      "summary { cursor: pointer; font-weight: 600; }",
      ".fixed { color: #2E7D32; } .broken { color: #C62828; }",
      ".verdict { font-size: 1.1em; padding: .6em .8em; border-left: 4px solid #1565C0; background: #f0f4fa; }",
      "");

  private ComparisonHtml() {}

  public static String render(RunComparison c) {
    return render(c, List.of());
  }

  /** With the per-tag table ({@link TagChanges}) after the splits. */
  public static String render(RunComparison c, List<TagChanges.TagChange> tags) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>")
        .append(esc("compare " + c.a().runId() + " / " + c.b().runId())).append("</title><style>").append(CSS)
        .append("</style></head><body><main>\n<h1>Comparison of two runs</h1>\n");
    h.append("<table><tr><th></th><th>run</th><th>iteration</th></tr>");
    side(h, "A", c.a());
    side(h, "B", c.b());
    h.append("</table>\n");
    h.append("<p class=\"verdict\">").append(esc(ComparisonText.verdict(c))).append("</p>\n");
    for (SplitComparison s : c.splits()) {
      String label = s.split().label();
      h.append("<h2 id=\"").append(label).append("\">").append(label).append(" set</h2>\n");
      h.append("<table><tr><th></th><th>accuracy</th><th>95% interval</th><th>passed / items</th></tr>");
      accuracyRow(h, "A", s.a());
      accuracyRow(h, "B", s.b());
      h.append("</table>\n<p>").append(s.with(Change.FIXED).size()).append(" fixed, ")
          .append(s.with(Change.BROKEN).size()).append(" broken, ").append(s.unchanged().size())
          .append(" unchanged; McNemar exact p = ").append(ComparisonText.p(s.pValue())).append("</p>\n");
      questions(h, "Fixed (fail \u2192 pass)", "fixed", s.with(Change.FIXED));
      questions(h, "Broken (pass \u2192 fail)", "broken", s.with(Change.BROKEN));
      List<QuestionChange> unchanged = s.unchanged();
      if (!unchanged.isEmpty()) {
        h.append("<details><summary>").append(unchanged.size()).append(" unchanged</summary><table>")
            .append("<tr><th>id</th><th>question</th><th>in both</th></tr>");
        for (QuestionChange q : unchanged) {
          h.append("<tr><td>").append(esc(q.questionId())).append("</td><td>").append(esc(q.question()))
              .append("</td><td>").append(q.change() == Change.STILL_PASSING ? "passes" : "fails")
              .append("</td></tr>");
        }
        h.append("</table></details>\n");
      }
      int onlyA = s.with(Change.ONLY_IN_A).size();
      int onlyB = s.with(Change.ONLY_IN_B).size();
      if (onlyA + onlyB > 0) {
        h.append("<p>Not compared: ").append(onlyA).append(" question(s) only in A, ").append(onlyB)
            .append(" only in B.</p>\n");
      }
    }
    h.append(TagChanges.html(tags));
    return h.append("</main></body></html>\n").toString();
  }

  private static void side(StringBuilder h, String name, RunComparison.Side side) {
    h.append("<tr><th>").append(name).append("</th><td><code>").append(esc(side.run().toString()))
        .append("</code></td><td>").append(side.iteration()).append(side.best() ? " (best)" : "")
        .append("</td></tr>");
  }

  private static void accuracyRow(StringBuilder h, String name, SideAccuracy a) {
    h.append("<tr><th>").append(name).append("</th><td>").append(ComparisonText.pct(a.accuracy()))
        .append("</td><td>").append(ComparisonText.pct(a.ci95Low())).append(" \u2013 ")
        .append(ComparisonText.pct(a.ci95High())).append("</td><td>").append(a.passed()).append(" / ")
        .append(a.items()).append("</td></tr>");
  }

  private static void questions(StringBuilder h, String title, String css, List<QuestionChange> list) {
    h.append("<h3 class=\"").append(css).append("\">").append(esc(title)).append(": ").append(list.size())
        .append("</h3>\n");
    if (list.isEmpty()) {
      return;
    }
    h.append("<table><tr><th>question</th><th>SQL in A</th><th>SQL in B</th></tr>");
    for (QuestionChange q : list) {
      h.append("<tr><td><b>").append(esc(q.questionId())).append("</b><br/>").append(esc(q.question()))
          .append("<br/><small>repeats passed: A ").append(q.a().map(o -> o.passedRepeats() + "/" + o.repeats())
              .orElse("-"))
          .append(", B ").append(q.b().map(o -> o.passedRepeats() + "/" + o.repeats()).orElse("-"))
          .append("</small></td><td class=\"sql\"><code>").append(esc(q.a().map(QuestionOutcome::sql).orElse("")))
          .append("</code></td><td class=\"sql\"><code>").append(esc(q.b().map(QuestionOutcome::sql).orElse("")))
          .append("</code></td></tr>");
    }
    h.append("</table>\n");
  }

  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch < 0x20 && ch != '\n' && ch != '\t' ? ' ' : ch);
      }
    }
    return out.toString();
  }
}
