package dev.diaharness.optimize;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.ConfigHash;
import dev.diaharness.config.NlExample;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.RowsByQuestion;
import dev.diaharness.scoring.Status;
import dev.diaharness.sql.SqlNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The offline optimizer (no LLM): curates {@code nl2sql_examples} from the training failures. Each step it drops
 * the examples added by the last step if training accuracy did not rise, then adds up to {@code batch} training
 * questions the agent failed most often — preferring query shapes no example shows yet — with their expected SQL,
 * never above {@code maxExamples}, and never one whose expected SQL failed to run (GOLD_ERROR). It decides on
 * training data only. Stateless and thread-safe: everything it learns is in the context's trajectory.
 */
public final class ExamplesProposer implements Proposer {
  private final int maxExamples;
  private final int batch;

  public ExamplesProposer(int maxExamples, int batch) {
    if (maxExamples < 1 || batch < 1) {
      throw new IllegalArgumentException("--max-examples and the batch must be >= 1");
    }
    this.maxExamples = maxExamples;
    this.batch = batch;
  }

  @Override
  public Proposal propose(ProposalContext ctx) {
    AgentConfig current = ctx.current();
    Set<String> unhelpful = examplesThatDidNotHelp(ctx.tried());
    List<NlExample> kept = new ArrayList<>(current.nl2sqlExamples());
    List<String> dropped = new ArrayList<>();
    kept.removeIf(e -> unhelpful.contains(e.query()) && dropped.add(e.query()));

    Set<String> present = kept.stream().map(NlExample::query).collect(Collectors.toSet());
    Set<String> shapes = kept.stream().map(e -> shape(e.expectedSql())).collect(Collectors.toSet());
    List<GoldenCase> candidates = failuresWorstFirst(ctx).stream()
        .filter(c -> !present.contains(c.question()) && !unhelpful.contains(c.question()))
        // a query shape no example shows yet teaches more than a second example of a known shape
        .sorted(Comparator.comparing((GoldenCase c) -> shapes.contains(shape(c.expectedSql()))))
        .toList();
    List<String> added = new ArrayList<>();
    for (GoldenCase c : candidates) {
      if (added.size() >= batch || kept.size() >= maxExamples) {
        break;
      }
      if (!shapes.add(shape(c.expectedSql())) && candidates.stream().anyMatch(o -> !shapes.contains(
          shape(o.expectedSql())))) {
        continue; // this batch already teaches this shape; another shape is still waiting
      }
      List<NlExample> trial = new ArrayList<>(kept);
      trial.add(new NlExample(c.question(), c.expectedSql(), ""));
      if (!ctx.triedHashes().contains(ConfigHash.of(current.withNl2sqlExamples(trial)))) {
        kept = trial;
        added.add(c.question());
      }
    }
    if (added.isEmpty() && dropped.isEmpty()) {
      return Proposal.nothing(candidates.isEmpty()
          ? "no training failures left that an example could fix"
          : "the example list is full (" + maxExamples + ") and every example helped");
    }
    String rationale = rationale(added, dropped);
    FieldChange change = new FieldChange(ConfigField.NL2SQL_EXAMPLES,
        ConfigField.examplesText(current.nl2sqlExamples()), ConfigField.examplesText(kept), rationale, 1);
    return new Proposal(List.of(change), rationale);
  }

  /** Training questions with at least one failed repeat, lowest pass rate first, then in set order. */
  private static List<GoldenCase> failuresWorstFirst(ProposalContext ctx) {
    Map<String, List<ItemResult>> byQuestion = RowsByQuestion.of(ctx.trainRows());
    Map<String, Double> passRates = new HashMap<>();
    List<GoldenCase> failed = new ArrayList<>();
    for (GoldenCase c : ctx.trainCases()) {
      List<ItemResult> rows = byQuestion.getOrDefault(c.id(), List.of());
      long passes = rows.stream().filter(ItemResult::passed).count();
      // a question whose expected SQL does not run (GOLD_ERROR) is never taught to the agent
      if (passes < rows.size() && rows.stream().noneMatch(r -> r.verdict().status() == Status.GOLD_ERROR)) {
        failed.add(c);
        passRates.put(c.id(), (double) passes / rows.size());
      }
    }
    failed.sort(Comparator.comparingDouble(c -> passRates.get(c.id())));
    return failed;
  }

  /**
   * The template of a query: normalized, with its literals blanked, so questions that differ only in their
   * literals ("returned orders in 2022" / "cancelled orders in 2024") have the same shape.
   */
  static String shape(String sql) {
    return SqlNormalizer.normalize(sql)
        .replaceAll("'(?:[^']|'')*'", "?")
        .replaceAll("(?<![\\w.])\\d+(?:\\.\\d+)?(?![\\w])", "?");
  }

  /**
   * Example questions added in a step after which training accuracy did not rise: tried configs are consecutive
   * evaluations, so the difference between two neighbours is what that step added.
   */
  static Set<String> examplesThatDidNotHelp(List<TriedConfig> tried) {
    Set<String> unhelpful = new LinkedHashSet<>();
    for (int i = 1; i < tried.size(); i++) {
      TriedConfig before = tried.get(i - 1);
      TriedConfig after = tried.get(i);
      if (after.trainAccuracy() <= before.trainAccuracy()) {
        Set<String> added = queries(after.config());
        added.removeAll(queries(before.config()));
        unhelpful.addAll(added);
      }
    }
    return unhelpful;
  }

  private static Set<String> queries(AgentConfig config) {
    Set<String> q = new HashSet<>();
    config.nl2sqlExamples().forEach(e -> q.add(e.query()));
    return q;
  }

  private static String rationale(List<String> added, List<String> dropped) {
    StringBuilder s = new StringBuilder();
    if (!added.isEmpty()) {
      s.append("Added ").append(added.size()).append(" failed training question(s) as examples: ")
          .append(String.join(" | ", added)).append('.');
    }
    if (!dropped.isEmpty()) {
      s.append(s.length() > 0 ? " " : "").append("Dropped ").append(dropped.size())
          .append(" example(s) whose addition did not raise training accuracy: ")
          .append(String.join(" | ", dropped)).append('.');
    }
    return s.toString();
  }
}
