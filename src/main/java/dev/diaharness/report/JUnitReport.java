package dev.diaharness.report;

import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.RowsByQuestion;
import dev.diaharness.run.Split;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * JUnit XML of an evaluation, one testcase per question (all its repeats): a question that failed a repeat is a
 * {@code <failure>} (a wrong answer); one whose only non-passing repeats are agent or golden-set errors is an
 * {@code <error>} (infrastructure, not the agent's answer). Testcases are grouped into one {@code <testsuite>} per
 * split and first tag ({@code train.lookups}; {@code train} for questions without tags), whose name is also the
 * testcase's class name after {@code dia-harness.}, so CI tools show results per kind of question. Sorted by
 * split, suite and question id; long text truncated.
 */
public final class JUnitReport {
  private static final int MAX_TEXT = 4000;

  private JUnitReport() {}

  /** Without tags: one suite per split. */
  public static void write(Path file, List<ItemResult> rows) {
    write(file, rows, (split, id) -> List.of());
  }

  /** @param tags the tags of a question of a split (its first tag names the suite) */
  public static void write(Path file, List<ItemResult> rows, BiFunction<Split, String, List<String>> tags) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, xml(rows, tags), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The tags of each question of the training and test sets, as {@link #write} wants them. */
  public static BiFunction<Split, String, List<String>> tagsOf(List<GoldenCase> train, List<GoldenCase> test) {
    Map<String, List<String>> trainTags = new HashMap<>();
    Map<String, List<String>> testTags = new HashMap<>();
    train.forEach(c -> trainTags.put(c.id(), c.tags()));
    test.forEach(c -> testTags.put(c.id(), c.tags()));
    return (split, id) -> (split == Split.TRAIN ? trainTags : testTags).getOrDefault(id, List.of());
  }

  static String xml(List<ItemResult> rows, BiFunction<Split, String, List<String>> tags) {
    // suite name → its rows; suites of train before test, then by name
    Map<String, List<ItemResult>> bySuite = new TreeMap<>();
    for (ItemResult r : rows) {
      List<String> questionTags = tags.apply(r.key().split(), r.key().questionId());
      String suite = r.key().split().ordinal() + "\u0000" + r.key().split().label()
          + (questionTags.isEmpty() ? "" : "." + questionTags.get(0));
      bySuite.computeIfAbsent(suite, k -> new ArrayList<>()).add(r);
    }
    StringBuilder suites = new StringBuilder();
    int[] total = new int[3]; // tests, failures, errors
    bySuite.forEach((key, suiteRows) -> suites.append(suite(key.substring(key.indexOf('\u0000') + 1),
        RowsByQuestion.of(suiteRows, Comparator.naturalOrder()), total)));
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuites name=\"dia-harness\" tests=\"" + total[0] + "\" failures=\"" + total[1]
        + "\" errors=\"" + total[2] + "\">\n" + suites + "</testsuites>\n";
  }

  private static String suite(String name, Map<String, List<ItemResult>> byCase, int[] total) {
    StringBuilder cases = new StringBuilder();
    int failures = 0;
    int errors = 0;
    for (List<ItemResult> repeats : byCase.values()) {
      Kind kind = kindOf(repeats);
      failures += kind == Kind.FAILURE ? 1 : 0;
      errors += kind == Kind.ERROR ? 1 : 0;
      cases.append(testcase(name, repeats, kind));
    }
    total[0] += byCase.size();
    total[1] += failures;
    total[2] += errors;
    return "  <testsuite name=\"" + escape(name) + "\" tests=\"" + byCase.size() + "\" failures=\"" + failures
        + "\" errors=\"" + errors + "\">\n" + cases + "  </testsuite>\n";
  }

  private enum Kind { PASS, FAILURE, ERROR }

  private static Kind kindOf(List<ItemResult> repeats) {
    List<ItemResult> notPassed = repeats.stream().filter(r -> !r.passed()).toList();
    if (notPassed.isEmpty()) {
      return Kind.PASS;
    }
    return notPassed.stream().allMatch(ItemResult::isError) ? Kind.ERROR : Kind.FAILURE;
  }

  private static String testcase(String suite, List<ItemResult> repeats, Kind kind) {
    ItemResult first = repeats.get(0);
    long passed = repeats.stream().filter(ItemResult::passed).count();
    String name = first.key().questionId() + ": " + first.question().text();
    StringBuilder s = new StringBuilder("    <testcase classname=\"dia-harness." + escape(suite)
        + "\" name=\"" + escape(truncate(name, 200)) + "\" time=\""
        + String.format(java.util.Locale.ROOT, "%.3f",
            repeats.stream().mapToLong(r -> r.timing().latencyMs()).sum() / 1000.0)
        + "\">\n");
    if (kind != Kind.PASS) {
      ItemResult shown = repeats.stream().filter(r -> !r.passed()).findFirst().orElseThrow();
      String tag = kind == Kind.FAILURE ? "failure" : "error";
      String message = shown.verdict().status() + " (passed " + passed + "/" + repeats.size() + " repeats): "
          + shown.verdict().evidence().summary();
      String body = "question: " + shown.question().text() + "\nexpected: " + shown.question().expectedSql()
          + "\ngenerated: " + shown.answer().sql().orElse("(none)")
          + shown.error().map(e -> "\nerror: " + e.message()).orElse("");
      s.append("      <").append(tag).append(" type=\"").append(shown.verdict().status()).append("\" message=\"")
          .append(escape(truncate(message, 1000))).append("\">").append(escape(truncate(body, MAX_TEXT)))
          .append("</").append(tag).append(">\n");
    }
    return s.append("    </testcase>\n").toString();
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }

  /** XML-escapes text and drops characters XML 1.0 cannot hold. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
