package dev.diaharness.run;

import dev.diaharness.dataset.GoldenCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which questions belong to which tag and which complexity, and how to fold per-question tallies into a
 * {@link GroupAccuracy} per group. Tags with more questions come first (broad tags such as "new shapes" before the
 * narrow ones), equal sizes in the order they first appear in the set; complexities in the Python tool's order
 * (Simple, Medium, Complex), other values after them in the set's order. Immutable.
 */
final class GroupTallies {

  /** The Python tool's complexity levels, simplest first. */
  private static final List<String> COMPLEXITY_LEVELS = List.of("simple", "medium", "complex");

  private final Map<String, Set<String>> questionsByTag;
  private final Map<String, Set<String>> questionsByComplexity;

  private GroupTallies(Map<String, Set<String>> byTag, Map<String, Set<String>> byComplexity) {
    this.questionsByTag = byTag;
    this.questionsByComplexity = byComplexity;
  }

  static GroupTallies of(List<GoldenCase> cases) {
    Map<String, Set<String>> byTag = new LinkedHashMap<>();
    Map<String, Set<String>> byComplexity = new LinkedHashMap<>();
    for (GoldenCase c : cases) {
      c.tags().forEach(tag -> byTag.computeIfAbsent(tag, t -> new LinkedHashSet<>()).add(c.id()));
      c.complexity().ifPresent(level -> byComplexity.computeIfAbsent(level, l -> new LinkedHashSet<>()).add(c.id()));
    }
    return new GroupTallies(largestFirst(byTag), levelsInOrder(byComplexity));
  }

  private static Map<String, Set<String>> levelsInOrder(Map<String, Set<String>> groups) {
    Map<String, Set<String>> sorted = new LinkedHashMap<>();
    groups.entrySet().stream() // a stable sort: values other than the three levels keep the set's order
        .sorted(java.util.Comparator.comparingInt(e -> levelRank(e.getKey())))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private static int levelRank(String complexity) {
    int rank = COMPLEXITY_LEVELS.indexOf(complexity.toLowerCase(java.util.Locale.ROOT));
    return rank < 0 ? COMPLEXITY_LEVELS.size() : rank;
  }

  private static Map<String, Set<String>> largestFirst(Map<String, Set<String>> groups) {
    Map<String, Set<String>> sorted = new LinkedHashMap<>();
    groups.entrySet().stream() // a stable sort: equal sizes keep the set's order
        .sorted(java.util.Comparator.comparingInt((Map.Entry<String, Set<String>> e) -> e.getValue().size())
            .reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** @param perQuestion question id → {tries, passes}, of the questions with at least one finished item */
  Map<String, GroupAccuracy> byTag(Map<String, int[]> perQuestion) {
    return fold(questionsByTag, perQuestion);
  }

  Map<String, GroupAccuracy> byComplexity(Map<String, int[]> perQuestion) {
    return fold(questionsByComplexity, perQuestion);
  }

  private static Map<String, GroupAccuracy> fold(Map<String, Set<String>> groups, Map<String, int[]> perQuestion) {
    Map<String, GroupAccuracy> result = new LinkedHashMap<>();
    groups.forEach((group, ids) -> {
      // in id order, as the split's own interval: the seeded bootstrap then gives the same numbers on resume
      List<int[]> tallies = new ArrayList<>();
      List<String> members = new ArrayList<>();
      perQuestion.forEach((id, t) -> {
        if (ids.contains(id)) {
          tallies.add(t);
          members.add(id);
        }
      });
      if (tallies.isEmpty()) {
        return; // no finished item yet: no accuracy to show
      }
      long items = tallies.stream().mapToLong(t -> t[0]).sum();
      long passed = tallies.stream().mapToLong(t -> t[1]).sum();
      double[] ci = PassEstimators.interval95(tallies);
      result.put(group, new GroupAccuracy(tallies.size(), items, passed, items == 0 ? 0 : (double) passed / items,
          ci[0], ci[1], members));
    });
    return result;
  }
}
