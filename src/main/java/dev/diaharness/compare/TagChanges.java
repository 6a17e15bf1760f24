package dev.diaharness.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.core.Json;
import dev.diaharness.report.RunRecord;
import dev.diaharness.run.Split;
import dev.diaharness.run.SplitMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fixed and broken questions per tag, split by split: which kinds of question B improved or regressed. A tag's
 * questions are the {@code question_ids} recorded for it in {@code metrics.json} of either run (A's tags first, in
 * their order); runs whose sets carry no tags give none. Stateless.
 */
public final class TagChanges {
  private TagChanges() {}

  /** One tag of one split: how many of its questions B fixed, broke, or left as they were. */
  public record TagChange(Split split, String tag, int questions, int fixed, int broken, int stillPassing,
      int stillFailing) {

    public boolean changed() {
      return fixed + broken > 0;
    }
  }

  public static List<TagChange> of(RunComparison c, RunRecord a, RunRecord b) {
    List<TagChange> changes = new ArrayList<>();
    for (SplitComparison s : c.splits()) {
      Map<String, Set<String>> members = new LinkedHashMap<>();
      collect(members, a, c.a().iteration(), s.split());
      collect(members, b, c.b().iteration(), s.split());
      members.forEach((tag, ids) -> {
        int[] counts = new int[5]; // questions, fixed, broken, still passing, still failing
        for (QuestionChange q : s.questions()) {
          if (ids.contains(q.questionId())) {
            counts[0]++;
            counts[1] += q.change() == Change.FIXED ? 1 : 0;
            counts[2] += q.change() == Change.BROKEN ? 1 : 0;
            counts[3] += q.change() == Change.STILL_PASSING ? 1 : 0;
            counts[4] += q.change() == Change.STILL_FAILING ? 1 : 0;
          }
        }
        changes.add(new TagChange(s.split(), tag, counts[0], counts[1], counts[2], counts[3], counts[4]));
      });
    }
    return changes;
  }

  private static void collect(Map<String, Set<String>> members, RunRecord run, int iteration, Split split) {
    Optional<SplitMetrics> metrics = run.iteration(iteration).flatMap(it -> it.metrics(split));
    metrics.ifPresent(m -> m.groups().byTag().forEach((tag, group) ->
        members.computeIfAbsent(tag, t -> new LinkedHashSet<>()).addAll(group.questionIds())));
  }

  /** The console lines: the tags where B fixed or broke something, then how many tags did not change. */
  public static List<String> lines(List<TagChange> changes) {
    if (changes.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    out.add("");
    out.add("by tag (questions fixed and broken by B):");
    for (TagChange t : changes) {
      if (t.changed()) {
        out.add(String.format(Locale.ROOT, "  %-5s %-34s %2d fixed  %2d broken  %2d unchanged (of %d)",
            t.split().label(), t.tag(), t.fixed(), t.broken(), t.stillPassing() + t.stillFailing(), t.questions()));
      }
    }
    long unchanged = changes.stream().filter(t -> !t.changed()).count();
    if (unchanged > 0) {
      out.add("  " + unchanged + " tag(s) with no question fixed or broken"
          + (unchanged == changes.size() ? "" : " not listed") + "; all tags: --json or --html");
    }
    return out;
  }

  /** {@code by_tag} of {@code compare --json}: every tag of every split. */
  public static ArrayNode json(List<TagChange> changes) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (TagChange t : changes) {
      ObjectNode node = list.addObject();
      node.put("split", t.split().label());
      node.put("tag", t.tag());
      node.put("questions", t.questions());
      node.put("fixed", t.fixed());
      node.put("broken", t.broken());
      node.put("still_passing", t.stillPassing());
      node.put("still_failing", t.stillFailing());
    }
    return list;
  }

  /** The HTML section: one table row per split and tag; nothing when no run has tags. */
  public static String html(List<TagChange> changes) {
    if (changes.isEmpty()) {
      return "";
    }
    StringBuilder h = new StringBuilder("<h2 id=\"by-tag\">By tag</h2>\n<table><tr><th>split</th><th>tag</th>"
        + "<th>questions</th><th>fixed</th><th>broken</th><th>still passing</th><th>still failing</th></tr>");
    for (TagChange t : changes) {
      h.append("<tr><td>").append(t.split().label()).append("</td><td>").append(ComparisonHtml.esc(t.tag())).append("</td><td>")
          .append(t.questions()).append("</td><td>").append(t.fixed()).append("</td><td>").append(t.broken())
          .append("</td><td>").append(t.stillPassing()).append("</td><td>").append(t.stillFailing())
          .append("</td></tr>");
    }
    return h.append("</table>\n").toString();
  }
}
