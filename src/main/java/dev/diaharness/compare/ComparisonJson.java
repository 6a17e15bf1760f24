package dev.diaharness.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.core.Json;
import java.util.List;

/**
 * {@code compare --json}: one object with {@code a}, {@code b}, {@code fixed}, {@code broken}, {@code unchanged}
 * (question ids, both splits pooled), {@code accuracy} and {@code p_value}, plus {@code splits} with the same per
 * split and the SQL of each changed question.
 */
public final class ComparisonJson {
  private ComparisonJson() {}

  public static ObjectNode of(RunComparison c) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.set("a", side(c.a()));
    root.set("b", side(c.b()));
    root.set("fixed", ids(c.all(Change.FIXED)));
    root.set("broken", ids(c.all(Change.BROKEN)));
    root.set("unchanged", ids(c.unchanged()));
    ObjectNode accuracy = root.putObject("accuracy");
    for (SplitComparison s : c.splits()) {
      ObjectNode split = accuracy.putObject(s.split().label());
      split.set("a", accuracy(s.a()));
      split.set("b", accuracy(s.b()));
    }
    root.put("p_value", c.pValue());
    root.put("regression", c.regressed());
    ObjectNode splits = root.putObject("splits");
    for (SplitComparison s : c.splits()) {
      ObjectNode split = splits.putObject(s.split().label());
      split.set("fixed", details(s.with(Change.FIXED)));
      split.set("broken", details(s.with(Change.BROKEN)));
      split.set("unchanged", ids(s.unchanged()));
      split.set("only_in_a", ids(s.with(Change.ONLY_IN_A)));
      split.set("only_in_b", ids(s.with(Change.ONLY_IN_B)));
      split.put("p_value", s.pValue());
    }
    return root;
  }

  private static ObjectNode side(RunComparison.Side side) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("run", side.run().toString());
    node.put("run_id", side.runId());
    node.put("command", side.command());
    node.put("iteration", side.iteration());
    node.put("best", side.best());
    return node;
  }

  private static ObjectNode accuracy(SideAccuracy a) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("accuracy", a.accuracy());
    node.put("ci95_low", a.ci95Low());
    node.put("ci95_high", a.ci95High());
    node.put("items", a.items());
    node.put("passed", a.passed());
    return node;
  }

  private static ArrayNode ids(List<QuestionChange> changes) {
    ArrayNode ids = Json.MAPPER.createArrayNode();
    changes.forEach(q -> ids.add(q.questionId()));
    return ids;
  }

  private static ArrayNode details(List<QuestionChange> changes) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (QuestionChange q : changes) {
      ObjectNode node = list.addObject();
      node.put("question_id", q.questionId());
      node.put("question", q.question());
      node.put("expected_sql", q.expectedSql());
      q.a().ifPresent(o -> node.put("sql_a", o.sql()).put("passed_repeats_a", o.passedRepeats()));
      q.b().ifPresent(o -> node.put("sql_b", o.sql()).put("passed_repeats_b", o.passedRepeats()));
      node.put("repeats", q.a().or(q::b).map(QuestionOutcome::repeats).orElse(0));
    }
    return list;
  }
}
