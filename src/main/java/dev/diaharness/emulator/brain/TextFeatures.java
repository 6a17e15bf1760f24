package dev.diaharness.emulator.brain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lexical view of one question for the retrieval brain: weighted features (stemmed words, the schema concepts
 * they point at, and placeholders for literals) and the literals themselves in order of appearance — dates, years,
 * other numbers, known column values and quoted strings. Literals become placeholders ({@code <year>},
 * {@code <num>}, {@code <value:status>}) so that "orders in 2023" and "orders in 2024" look alike and the example's
 * SQL can be adapted to the new literals. Immutable.
 */
record TextFeatures(
    Map<String, Double> weights,
    List<String> dates,
    List<String> years,
    List<String> numbers,
    List<DataCatalog.ColumnValue> values,
    List<String> quoted) {

  private static final Set<String> STOP_WORDS = Set.of(
      "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "and", "or", "is", "are", "was", "were",
      "be", "been", "what", "which", "who", "whom", "whose", "how", "show", "me", "list", "give", "find", "get",
      "tell", "display", "return", "all", "that", "this", "these", "those", "there", "do", "does", "did", "have",
      "has", "had", "please", "i", "we", "you", "it", "its", "their", "our", "my", "can", "could", "would", "should",
      "any", "some", "as", "into", "than", "then", "so", "about", "whats", "s", "data", "table", "tables");
  private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
      Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
      Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
      Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("twenty", "20"), Map.entry("hundred", "100"));
  private static final Pattern QUOTED = Pattern.compile("(?<![\\w])(?:'([^']+)'|\"([^\"]+)\")(?![\\w])");
  private static final Pattern DATE = Pattern.compile("(?<![\\d])((?:19|20)\\d{2}-\\d{2}-\\d{2})(?![\\d])");
  // a year may end a sentence ("in 2022."), but is not part of a decimal ("2022.5")
  private static final Pattern YEAR = Pattern.compile("(?<![\\d.])((?:19|20)\\d{2})(?![\\d]|\\.\\d)");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?)(?![\\w]|\\.\\d)");
  private static final Pattern WORD = Pattern.compile("[a-z0-9_]+");

  /** Extracts the features of a text with the schema knowledge of one config. */
  static TextFeatures of(String text, Vocabulary vocabulary) {
    StringBuilder rest = new StringBuilder(text.toLowerCase(Locale.ROOT));
    Map<String, Double> weights = new HashMap<>();
    List<String> quoted = new ArrayList<>();
    for (Matcher m = QUOTED.matcher(text); m.find(); ) {
      quoted.add(m.group(1) != null ? m.group(1) : m.group(2));
      blank(rest, m.start(), m.end());
      weights.merge("<quoted>", 1.0, Double::sum);
    }
    List<Span<DataCatalog.ColumnValue>> values = findValues(rest, vocabulary);
    values.forEach(v -> weights.merge("<value:" + v.item.column().name() + ">", 1.0, Double::sum));
    List<String> dates = takeAll(DATE, rest); // before years: "2023-03-01" is a date, not the year 2023
    dates.forEach(d -> weights.merge("<date>", 1.0, Double::sum));
    List<String> years = takeAll(YEAR, rest);
    years.forEach(y -> weights.merge("<year>", 1.0, Double::sum));
    List<String> numbers = takeAll(NUMBER, rest);
    for (String word : words(rest.toString())) {
      String number = NUMBER_WORDS.get(word);
      if (number != null) {
        numbers.add(number);
        continue;
      }
      String stem = stem(word);
      weights.merge("w:" + stem, 1.0, Double::sum);
      vocabulary.conceptsOf(stem).forEach((concept, w) -> weights.merge(concept, w, Math::max));
    }
    numbers.forEach(n -> weights.merge("<num>", 1.0, Double::sum));
    List<DataCatalog.ColumnValue> ordered = values.stream().sorted((a, b) -> a.start - b.start)
        .map(s -> s.item).toList();
    return new TextFeatures(Map.copyOf(weights), dates, years, numbers, ordered, quoted);
  }

  /** Cosine similarity of two feature vectors, in [0, 1]. */
  double similarity(TextFeatures other) {
    double dot = 0;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      dot += e.getValue() * other.weights.getOrDefault(e.getKey(), 0.0);
    }
    double norm = norm() * other.norm();
    return norm == 0 ? 0 : dot / norm;
  }

  private double norm() {
    double sum = 0;
    for (double w : weights.values()) {
      sum += w * w;
    }
    return Math.sqrt(sum);
  }

  static boolean isStopWord(String word) {
    return STOP_WORDS.contains(word);
  }

  /** The non-stop words of a text, lower-cased. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT)); m.find(); ) {
      if (!STOP_WORDS.contains(m.group())) {
        words.add(m.group());
      }
    }
    return words;
  }

  /** A light suffix-stripping stemmer: enough to make "categories"/"category" and "orders"/"order" meet. */
  static String stem(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    int n = w.length();
    if (n > 4 && w.endsWith("ies")) {
      return w.substring(0, n - 3) + "y";
    }
    if (n > 4 && (w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes"))) {
      return w.substring(0, n - 2);
    }
    if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
      return w.substring(0, n - 1);
    }
    if (n > 5 && w.endsWith("ing")) {
      return w.substring(0, n - 3);
    }
    if (n > 4 && w.endsWith("ed")) {
      return w.substring(0, n - 2);
    }
    return w;
  }

  private record Span<T>(int start, T item) {}

  private static List<Span<DataCatalog.ColumnValue>> findValues(StringBuilder rest, Vocabulary vocabulary) {
    List<Span<DataCatalog.ColumnValue>> found = new ArrayList<>();
    for (String key : vocabulary.valueKeys()) {
      int from = 0;
      int at;
      while ((at = rest.indexOf(key, from)) >= 0) {
        int end = at + key.length();
        if (isBoundary(rest, at - 1) && isBoundary(rest, end)) {
          found.add(new Span<>(at, vocabulary.catalog().values().get(key)));
          blank(rest, at, end);
        }
        from = end;
      }
    }
    return found;
  }

  private static boolean isBoundary(CharSequence s, int index) {
    return index < 0 || index >= s.length() || !Character.isLetterOrDigit(s.charAt(index));
  }

  private static List<String> takeAll(Pattern pattern, StringBuilder rest) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(rest.toString());
    while (m.find()) {
      found.add(m.group(1));
      blank(rest, m.start(), m.end());
    }
    return found;
  }

  private static void blank(StringBuilder s, int start, int end) {
    char[] spaces = new char[end - start];
    Arrays.fill(spaces, ' ');
    s.replace(start, end, new String(spaces));
  }
}
