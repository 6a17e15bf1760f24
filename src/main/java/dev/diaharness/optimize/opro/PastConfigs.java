package dev.diaharness.optimize.opro;

import dev.diaharness.optimize.ConfigField;
import dev.diaharness.optimize.TriedConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OPRO trajectory of the meta-prompt: the top-N past (config, training accuracy) pairs, shown worst to best with
 * the FULL text of the fields being changed. When their text exceeds the token budget (estimated as characters / 4)
 * the lowest-scoring pairs are dropped first; a config's text is never cut to a preview (the Python tool sent only
 * the first 100 characters). A config evaluated twice (after a rollback) is shown once. Stateless.
 */
final class PastConfigs {
  private PastConfigs() {}

  /** The pairs to show, in ascending training accuracy. */
  static List<TriedConfig> select(List<TriedConfig> tried, List<ConfigField> fields, int topN, int tokenBudget) {
    Map<String, TriedConfig> byHash = new LinkedHashMap<>();
    for (TriedConfig t : tried) {
      byHash.merge(t.configHash(), t, (a, b) -> BEST_FIRST.compare(a, b) <= 0 ? a : b);
    }
    List<TriedConfig> bestFirst = new ArrayList<>(byHash.values());
    bestFirst.sort(BEST_FIRST);
    List<TriedConfig> kept = new ArrayList<>();
    long tokens = 0;
    for (TriedConfig t : bestFirst.subList(0, Math.min(topN, bestFirst.size()))) {
      tokens += estimateTokens(render(t, fields));
      if (tokens > tokenBudget) {
        break; // this pair and every lower-scoring one are dropped
      }
      kept.add(t);
    }
    Collections.reverse(kept);
    return kept;
  }

  /** Higher training accuracy first, then higher mean score, then the later iteration. */
  private static final Comparator<TriedConfig> BEST_FIRST = Comparator
      .comparingDouble(TriedConfig::trainAccuracy).reversed()
      .thenComparing(Comparator.comparingDouble(TriedConfig::trainMeanScore).reversed())
      .thenComparing(Comparator.comparingInt(TriedConfig::iteration).reversed());

  /** The trajectory block: each pair, worst to best. */
  static String render(List<TriedConfig> ascending, List<ConfigField> fields) {
    if (ascending.isEmpty()) {
      return "(no past configuration fits; this is the first step)";
    }
    StringBuilder s = new StringBuilder();
    int n = 1;
    for (TriedConfig t : ascending) {
      s.append("Past configuration ").append(n++).append(" of ").append(ascending.size()).append('\n')
          .append(render(t, fields)).append('\n');
    }
    return s.toString().strip();
  }

  static String render(TriedConfig t, List<ConfigField> fields) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<config iteration=\"%d\" training_accuracy=\"%.1f%%\">%n", t.iteration(),
        t.trainAccuracy() * 100));
    for (ConfigField f : fields) {
      s.append(Sections.tagged(f.key(), f.read(t.config())));
    }
    return s.append("</config>\n").toString();
  }

  static long estimateTokens(String text) {
    return (text.length() + 3) / 4;
  }
}
