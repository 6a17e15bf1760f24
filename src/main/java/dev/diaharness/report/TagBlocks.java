package dev.diaharness.report;

import dev.diaharness.run.GroupAccuracy;
import dev.diaharness.run.Split;
import dev.diaharness.run.SplitMetrics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The "Accuracy by tag" section: for each split, the accuracy of every tag and every complexity in each iteration,
 * with the counts and 95% interval of the best iteration (the last one of an evaluate run). A run whose sets carry
 * neither tags nor complexity gets no section. Stateless.
 */
final class TagBlocks {
  private TagBlocks() {}

  static List<Block> blocks(RunRecord run) {
    List<Block> tables = new ArrayList<>();
    tables.addAll(table(run, "Tag", m -> m.groups().byTag()));
    tables.addAll(table(run, "Complexity", m -> m.groups().byComplexity()));
    if (tables.isEmpty()) {
      return List.of();
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(2, "Accuracy by tag"));
    blocks.add(new Block.Paragraph("The accuracy of the questions carrying each tag (a question may carry "
        + "several) and of each complexity, per split and iteration, from metrics.json. Small groups have wide "
        + "intervals: a few questions cannot show a real difference."));
    blocks.addAll(tables);
    return blocks;
  }

  /** One table of one kind of group (tags or complexity) over all splits; empty when no split has such groups. */
  private static List<Block> table(RunRecord run, String kind,
      Function<SplitMetrics, Map<String, GroupAccuracy>> groups) {
    Optional<IterationData> detail = run.best();
    List<String> header = new ArrayList<>(List.of("split", kind.toLowerCase(java.util.Locale.ROOT)));
    run.iterations().forEach(it -> header.add("iteration " + it.iteration()));
    String at = detail.map(it -> " (iteration " + it.iteration() + ")").orElse("");
    header.add("passed / items" + at);
    header.add("95% interval" + at);
    List<List<String>> rows = new ArrayList<>();
    for (Split split : Split.values()) {
      for (String group : names(run, split, groups)) {
        List<String> row = new ArrayList<>(List.of(split.label(), group));
        run.iterations().forEach(it -> row.add(find(it, split, groups, group).map(g -> Fmt.pct(g.accuracy()))
            .orElse("-")));
        Optional<GroupAccuracy> d = detail.flatMap(it -> find(it, split, groups, group));
        row.add(d.map(g -> Fmt.ratio(g.passed(), g.items()) + " (" + g.questions() + " q)").orElse("-"));
        row.add(d.map(g -> Fmt.interval(g.ci95Low(), g.ci95High())).orElse("-"));
        rows.add(row);
      }
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    return List.of(new Block.Heading(3, "By " + kind.toLowerCase(java.util.Locale.ROOT)),
        new Block.Table(header, rows, true));
  }

  /** The split's groups in metrics.json's order (larger groups first), over all iterations. */
  private static Set<String> names(RunRecord run, Split split,
      Function<SplitMetrics, Map<String, GroupAccuracy>> groups) {
    Set<String> names = new LinkedHashSet<>();
    run.iterations().forEach(it -> it.metrics(split).ifPresent(m -> names.addAll(groups.apply(m).keySet())));
    return names;
  }

  private static Optional<GroupAccuracy> find(IterationData it, Split split,
      Function<SplitMetrics, Map<String, GroupAccuracy>> groups, String group) {
    return it.metrics(split).map(groups).map(g -> g.get(group));
  }

  /**
   * The test tags no training question carries, with their accuracy in the best iteration: kinds of question an
   * optimizer, which learns from training failures only, was never shown.
   */
  static Optional<String> testOnlyTags(RunRecord run) {
    Set<String> trained = names(run, Split.TRAIN, m -> m.groups().byTag());
    Optional<SplitMetrics> test = run.best().flatMap(it -> it.metrics(Split.TEST));
    if (trained.isEmpty() || test.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    test.get().groups().byTag().forEach((tag, g) -> {
      if (!trained.contains(tag)) {
        parts.add(tag + " " + Fmt.pct(g.accuracy()) + " (" + g.questions() + " q)");
      }
    });
    return parts.isEmpty() ? Optional.empty() : Optional.of("Test tags that no training question carries, in "
        + "iteration " + run.best().get().iteration() + ": " + String.join(", ", parts) + ". These kinds of "
        + "question were never shown to the optimizer, which learns from training failures only; add training "
        + "questions of these kinds if the agent must handle them, and read the test accuracy on the other tags "
        + "as accuracy on taught kinds of question.");
  }
}
