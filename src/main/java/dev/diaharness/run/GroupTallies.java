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
 * {@link GroupAccuracy} per group. Groups keep the order in which they first appear in the set, so a report lists
 * them as the set's author wrote them. Immutable.
 */
final class GroupTallies {

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
    return new GroupTallies(byTag, byComplexity);
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
      perQuestion.forEach((id, t) -> {
        if (ids.contains(id)) {
          tallies.add(t);
        }
      });
      if (tallies.isEmpty()) {
        return; // no finished item yet: no accuracy to show
      }
      long items = tallies.stream().mapToLong(t -> t[0]).sum();
      long passed = tallies.stream().mapToLong(t -> t[1]).sum();
      double[] ci = PassEstimators.interval95(tallies);
      result.put(group, new GroupAccuracy(tallies.size(), items, passed, items == 0 ? 0 : (double) passed / items,
          ci[0], ci[1]));
    });
    return result;
  }
}
