package dev.diaharness.cli;

import dev.diaharness.run.GroupAccuracy;
import dev.diaharness.run.SplitMetrics;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The few tags with the lowest accuracy of each split, printed under a summary so a user sees at once which kinds of
 * question fail. Prints nothing for splits without tags. Stateless.
 */
final class WeakestTags {
  /** How many tags a split lists at most. */
  static final int SHOWN = 5;

  private WeakestTags() {}

  /** Lowest accuracy first; among equals the tag with more items (stronger evidence), then by name. */
  static List<Map.Entry<String, GroupAccuracy>> weakest(SplitMetrics m, int limit) {
    return m.groups().byTag().entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, GroupAccuracy>>comparingDouble(e -> e.getValue().accuracy())
            .thenComparing(e -> -e.getValue().items())
            .thenComparing(Map.Entry::getKey))
        .limit(limit).toList();
  }

  static void print(PrintWriter out, List<SplitMetrics> splits) {
    for (SplitMetrics m : splits) {
      List<Map.Entry<String, GroupAccuracy>> weakest = weakest(m, SHOWN);
      if (weakest.isEmpty()) {
        continue;
      }
      out.printf(Locale.ROOT, "%nweakest tags, %s (%d of %d tags):%n", m.split().label(), weakest.size(),
          m.groups().byTag().size());
      for (Map.Entry<String, GroupAccuracy> e : weakest) {
        GroupAccuracy g = e.getValue();
        out.printf(Locale.ROOT, "  %-34s %5.1f%% [%.1f–%.1f]  %d/%d passed, %d question%s%n", e.getKey(),
            g.accuracyPercent(), g.ci95Low() * 100, g.ci95High() * 100, g.passed(), g.items(), g.questions(),
            g.questions() == 1 ? "" : "s");
      }
    }
  }
}
