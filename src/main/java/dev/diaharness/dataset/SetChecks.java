package dev.diaharness.dataset;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks across the questions of sets that are warnings, not errors: the same question under two ids in one set,
 * and questions of the test set that are also in the training set (leakage: the optimizer would learn the test).
 * Questions are compared after trimming, collapsing whitespace and ignoring case. Stateless and thread-safe.
 */
public final class SetChecks {
  private SetChecks() {}

  /** Questions that occur more than once in a set, each with the ids it occurs under (in file order). */
  public static Map<String, List<String>> repeatedQuestions(GoldenSet set) {
    Map<String, List<GoldenCase>> byText = new LinkedHashMap<>();
    for (GoldenCase c : set.cases()) {
      byText.computeIfAbsent(key(c.question()), k -> new ArrayList<>()).add(c);
    }
    Map<String, List<String>> repeated = new LinkedHashMap<>();
    byText.values().stream().filter(cases -> cases.size() > 1).forEach(cases ->
        repeated.put(cases.get(0).question(), cases.stream().map(GoldenCase::id).toList()));
    return repeated;
  }

  /** The questions of {@code test} that are also in {@code train}, in the test set's order. */
  public static List<GoldenCase> shared(GoldenSet train, GoldenSet test) {
    Set<String> trainQuestions = train.cases().stream().map(c -> key(c.question())).collect(Collectors.toSet());
    return test.cases().stream().filter(c -> trainQuestions.contains(key(c.question()))).toList();
  }

  private static String key(String question) {
    return Normalizer.normalize(question, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
  }
}
