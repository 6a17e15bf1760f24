package dev.diaharness.report;

import dev.diaharness.run.ItemResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JUnit XML of an evaluation, one testcase per question (all its repeats): a question that failed a repeat is a
 * {@code <failure>} (a wrong answer); one whose only non-passing repeats are agent or golden-set errors is an
 * {@code <error>} (infrastructure, not the agent's answer). Sorted by split and question id, long text truncated.
 */
public final class JUnitReport {
  private static final int MAX_TEXT = 4000;

  private JUnitReport() {}

  public static void write(Path file, List<ItemResult> rows) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, xml(rows), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static String xml(List<ItemResult> rows) {
    Map<String, List<ItemResult>> byCase = new TreeMap<>();
    rows.forEach(r -> byCase.computeIfAbsent(r.split().label() + "\u0000" + r.questionId(), k -> new ArrayList<>())
        .add(r));
    StringBuilder cases = new StringBuilder();
    int failures = 0;
    int errors = 0;
    for (List<ItemResult> repeats : byCase.values()) {
      repeats.sort(Comparator.comparingInt(ItemResult::repeat));
      Kind kind = kindOf(repeats);
      failures += kind == Kind.FAILURE ? 1 : 0;
      errors += kind == Kind.ERROR ? 1 : 0;
      cases.append(testcase(repeats, kind));
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuite name=\"dia-harness\" tests=\"" + byCase.size() + "\" failures=\"" + failures
        + "\" errors=\"" + errors + "\">\n" + cases + "</testsuite>\n";
  }

  private enum Kind { PASS, FAILURE, ERROR }

  private static Kind kindOf(List<ItemResult> repeats) {
    List<ItemResult> notPassed = repeats.stream().filter(r -> !r.passed()).toList();
    if (notPassed.isEmpty()) {
      return Kind.PASS;
    }
    return notPassed.stream().allMatch(ItemResult::isError) ? Kind.ERROR : Kind.FAILURE;
  }

  private static String testcase(List<ItemResult> repeats, Kind kind) {
    ItemResult first = repeats.get(0);
    long passed = repeats.stream().filter(ItemResult::passed).count();
    String name = first.questionId() + ": " + first.question();
    StringBuilder s = new StringBuilder("  <testcase classname=\"dia-harness." + first.split().label()
        + "\" name=\"" + escape(truncate(name, 200)) + "\" time=\""
        + String.format(java.util.Locale.ROOT, "%.3f", repeats.stream().mapToLong(ItemResult::latencyMs).sum() / 1000.0)
        + "\">\n");
    if (kind != Kind.PASS) {
      ItemResult shown = repeats.stream().filter(r -> !r.passed()).findFirst().orElseThrow();
      String tag = kind == Kind.FAILURE ? "failure" : "error";
      String message = shown.status() + " (passed " + passed + "/" + repeats.size() + " repeats): "
          + shown.evidence().summary();
      String body = "question: " + shown.question() + "\nexpected: " + shown.expectedSql() + "\ngenerated: "
          + (shown.generatedSql() == null ? "(none)" : shown.generatedSql())
          + (shown.error() == null ? "" : "\nerror: " + shown.error());
      s.append("    <").append(tag).append(" type=\"").append(shown.status()).append("\" message=\"")
          .append(escape(truncate(message, 1000))).append("\">").append(escape(truncate(body, MAX_TEXT)))
          .append("</").append(tag).append(">\n");
    }
    return s.append("  </testcase>\n").toString();
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
