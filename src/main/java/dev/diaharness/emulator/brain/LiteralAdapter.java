package dev.diaharness.emulator.brain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the SQL of an example so that it uses the literals of a new question: dates ({@code '2023-03-01'}),
 * years (also inside date strings
 * such as {@code DATE '2023-01-01'}), other numbers ({@code LIMIT 5}, thresholds), known column values
 * ({@code 'Toys'} → {@code 'Electronics'} when both are categories) and quoted strings. Literals are paired in
 * order of appearance between the two questions. Identifiers in backticks are never touched. Stateless.
 */
final class LiteralAdapter {
  /** A string literal, a backticked identifier, or a bare number, in one scan so that each is seen once. */
  private static final Pattern TOKEN =
      Pattern.compile("'(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`|(?<![\\w.])\\d+(?:\\.\\d+)?(?![\\w])");
  private static final Pattern YEAR_IN_TEXT = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");

  /** The adapted SQL and a human-readable list of the substitutions made. */
  record Adapted(String sql, List<String> changes) {}

  private LiteralAdapter() {}

  static Adapted adapt(String sql, TextFeatures example, TextFeatures question, DataCatalog catalog) {
    Map<String, String> dates = pair(example.dates(), question.dates());
    Map<String, String> years = yearMap(sql, example, question);
    Map<String, String> numbers = pair(example.numbers(), question.numbers());
    Map<String, String> strings = pair(example.quoted(), question.quoted());
    Map<String, String> values = valueMap(example, question);
    List<String> changes = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    Matcher m = TOKEN.matcher(sql);
    Set<String> unusedValuesFor = new HashSet<>();
    while (m.find()) {
      String token = m.group();
      String replacement = token;
      if (token.startsWith("'") || token.startsWith("\"")) {
        replacement = adaptString(token, dates, years, strings, values, question, catalog, unusedValuesFor);
      } else if (!token.startsWith("`")) {
        replacement = years.getOrDefault(token, numbers.getOrDefault(token, token));
      }
      if (!replacement.equals(token)) {
        changes.add(token + " → " + replacement);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return new Adapted(out.toString(), changes);
  }

  private static String adaptString(String literal, Map<String, String> dates, Map<String, String> years,
      Map<String, String> strings, Map<String, String> values, TextFeatures question, DataCatalog catalog,
      Set<String> used) {
    char quote = literal.charAt(0);
    String body = literal.substring(1, literal.length() - 1);
    String key = body.toLowerCase(Locale.ROOT);
    if (dates.containsKey(body)) {
      return quote + dates.get(body) + quote;
    }
    if (strings.containsKey(body)) {
      return quote + escape(strings.get(body), quote) + quote;
    }
    if (values.containsKey(key)) {
      return quote + escape(values.get(key), quote) + quote;
    }
    Optional<DataCatalog.ColumnValue> known = catalog.value(body);
    if (known.isPresent()) {
      // the example's question did not name this value, but the new question names one of the same column
      for (DataCatalog.ColumnValue v : question.values()) {
        if (v.column().equals(known.get().column()) && used.add(v.value())) {
          return quote + escape(v.value(), quote) + quote;
        }
      }
      return literal;
    }
    Matcher y = YEAR_IN_TEXT.matcher(body);
    StringBuilder out = new StringBuilder();
    while (y.find()) {
      y.appendReplacement(out, years.getOrDefault(y.group(1), y.group(1)));
    }
    y.appendTail(out);
    return quote + out.toString() + quote;
  }

  /**
   * Years of the example's question paired in order with the new question's; years that appear only in the
   * example's SQL (its question said "last year" or nothing) take the question's remaining years in order, so
   * "returned orders in 2022" does not keep the example's 2021.
   */
  private static Map<String, String> yearMap(String sql, TextFeatures example, TextFeatures question) {
    Map<String, String> years = pair(example.years(), question.years());
    List<String> unusedQuestionYears = new ArrayList<>(question.years());
    unusedQuestionYears.removeAll(years.values());
    Matcher m = YEAR_IN_TEXT.matcher(sql);
    while (m.find() && !unusedQuestionYears.isEmpty()) {
      if (!years.containsKey(m.group(1))) {
        years.put(m.group(1), unusedQuestionYears.remove(0));
      }
    }
    return years;
  }

  /** Old value (lower-cased) → new value as stored, pairing the two questions' values column by column. */
  private static Map<String, String> valueMap(TextFeatures example, TextFeatures question) {
    Map<String, String> map = new LinkedHashMap<>();
    List<DataCatalog.ColumnValue> remaining = new ArrayList<>(question.values());
    for (DataCatalog.ColumnValue old : example.values()) {
      for (int i = 0; i < remaining.size(); i++) {
        if (remaining.get(i).column().equals(old.column())) {
          map.put(old.value().toLowerCase(Locale.ROOT), remaining.remove(i).value());
          break;
        }
      }
    }
    return map;
  }

  private static Map<String, String> pair(List<String> from, List<String> to) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(from.size(), to.size()); i++) {
      map.putIfAbsent(from.get(i), to.get(i));
    }
    return map;
  }

  private static String escape(String value, char quote) {
    // doubling is the escape both DuckDB and standard SQL accept
    return value.replace(String.valueOf(quote), String.valueOf(quote) + quote);
  }
}
