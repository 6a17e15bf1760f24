package dev.diaharness.sql;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the SQL in an agent's reply (SPEC §3.1), first hit wins:
 * <ol>
 *   <li>the first {@code ```sql} fenced block (any case);</li>
 *   <li>the first fenced block whose content starts with {@code SELECT} or {@code WITH};</li>
 *   <li>a bare {@code SELECT …} or {@code WITH name AS (…} statement, ending at {@code ;}, a blank line, a line
 *       that reads as prose or markdown, a sentence that starts after the SQL, or the end of the text.</li>
 * </ol>
 * The Python tool took a bare SELECT to the end of the text, swallowing the explanation after it, and found
 * {@code WITH} queries only inside {@code ```sql} fences; both are fixed here. A trailing {@code ;} is dropped.
 * Stateless and thread-safe.
 */
public final class SqlExtractor {
  private static final Pattern SQL_FENCE =
      Pattern.compile("```[ \\t]*sql[ \\t]*\\R(.*?)(?:```|\\z)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern ANY_FENCE = Pattern.compile("```[^\\n`]*\\R(.*?)(?:```|\\z)", Pattern.DOTALL);
  private static final Pattern STARTS_AS_QUERY =
      Pattern.compile("^(?:SELECT\\b|WITH\\s+(?:RECURSIVE\\s+)?[\\w`\"]+)", Pattern.CASE_INSENSITIVE);
  /** A bare start: SELECT followed by something, or a CTE head ({@code WITH x AS (}); plain "with" is English. */
  private static final Pattern BARE_START = Pattern.compile(
      "\\b(?:SELECT\\s+\\S|WITH\\s+(?:RECURSIVE\\s+)?[\\w`\"]+\\s*(?:\\([^)]*\\)\\s*)?AS\\s*\\()",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern MARKDOWN_LINE = Pattern.compile("^(?:#|[-*+] |>|\\||\\*\\*|\\d+\\. |```)");
  private static final Pattern CAPITALIZED_WORD = Pattern.compile("[A-Z][a-z]+");
  private static final Pattern LOWER_WORD = Pattern.compile("[a-z]+");

  /** Words that may follow one another in SQL; prose detection must not stop at them. */
  private static final Set<String> SQL_WORDS = Set.of(
      "select", "from", "where", "and", "or", "not", "in", "is", "null", "as", "on", "join", "left", "right",
      "inner", "outer", "full", "cross", "group", "by", "order", "having", "limit", "offset", "union", "all",
      "distinct", "case", "when", "then", "else", "end", "with", "between", "like", "asc", "desc", "over",
      "partition", "rows", "range", "interval", "cast", "extract", "date", "timestamp", "exists", "using",
      "qualify", "window", "true", "false", "except", "intersect", "lateral", "unnest", "nulls", "first", "last",
      "any", "some", "current", "preceding", "following", "unbounded", "row", "filter", "within", "recursive",
      "natural", "escape", "ilike", "struct", "array", "if", "count", "sum", "avg", "min", "max", "day", "month",
      "year", "week", "quarter", "hour", "minute", "second", "string", "int64", "float64", "numeric", "bool");

  private SqlExtractor() {}

  /** The SQL of {@code text} by the rules above, trimmed, or empty when there is none. */
  public static Optional<String> extract(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Matcher sqlFence = SQL_FENCE.matcher(text);
    if (sqlFence.find() && !sqlFence.group(1).isBlank()) {
      return clean(sqlFence.group(1));
    }
    Matcher fence = ANY_FENCE.matcher(text);
    while (fence.find()) {
      String body = fence.group(1).strip();
      if (STARTS_AS_QUERY.matcher(body).find()) {
        return clean(body);
      }
    }
    return bareStatement(text);
  }

  private static Optional<String> bareStatement(String text) {
    Matcher start = BARE_START.matcher(text);
    while (start.find()) {
      if (isPlausibleStart(text, start.start())) {
        return clean(text.substring(start.start(), endOfStatement(text, start.start())));
      }
    }
    return Optional.empty();
  }

  /**
   * A start keyword counts when it begins a line or is written in capitals: "you can select the rows from …" in
   * the middle of a sentence is English.
   */
  private static boolean isPlausibleStart(String text, int at) {
    String keyword = text.substring(at, Math.min(text.length(), at + 4));
    if (keyword.equals(keyword.toUpperCase(Locale.ROOT))) {
      return true;
    }
    int lineStart = text.lastIndexOf('\n', at - 1) + 1;
    return text.substring(lineStart, at).replace("`", "").isBlank()
        || text.substring(lineStart, at).strip().endsWith(":");
  }

  /** Scans the statement outside quotes and comments, stopping at its first boundary. */
  private static int endOfStatement(String text, int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == ';') {
        return i;
      } else if (c == '-' && text.startsWith("--", i)) {
        i = lineEnd(text, i) - 1;
      } else if (c == '\n' && nextLineEnds(text, i + 1)) {
        return i;
      } else if (c == '.' && sentenceFollows(text, i + 1)) {
        return i;
      } else if (i > from && Character.isLetter(c) && !Character.isLetterOrDigit(text.charAt(i - 1))
          && text.charAt(i - 1) != '.' && proseStartsAt(text, i)) {
        return i;
      }
    }
    return text.length();
  }

  /** A blank line, a markdown line or a line that reads as a sentence ends the statement. */
  private static boolean nextLineEnds(String text, int lineStart) {
    String line = text.substring(lineStart, lineEnd(text, lineStart)).strip();
    if (line.isEmpty() || MARKDOWN_LINE.matcher(line).find()) {
      return true;
    }
    return proseStartsAt(line, 0);
  }

  /** ". The …" after SQL: SQL never has a full stop followed by a space and a capitalised word. */
  private static boolean sentenceFollows(String text, int at) {
    int i = at;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (i == at && i < text.length() && text.charAt(i) != '\n') {
      return false;
    }
    return i >= text.length() || text.charAt(i) == '\n' || Character.isUpperCase(text.charAt(i));
  }

  /**
   * Prose looks like a capitalised non-SQL word followed by two lower-case non-SQL words ("This query returns"),
   * which SQL never is: identifiers are followed by commas, operators or keywords.
   */
  private static boolean proseStartsAt(String text, int at) {
    String[] words = text.substring(at, Math.min(text.length(), at + 80)).split("[ \\t]+", 4);
    if (words.length < 3 || !CAPITALIZED_WORD.matcher(words[0]).matches() || isSqlWord(words[0])) {
      return false;
    }
    return isProseWord(words[1]) && isProseWord(stripPunctuation(words[2]));
  }

  private static boolean isProseWord(String word) {
    return LOWER_WORD.matcher(word).matches() && !isSqlWord(word);
  }

  private static boolean isSqlWord(String word) {
    return SQL_WORDS.contains(word.toLowerCase(Locale.ROOT));
  }

  private static String stripPunctuation(String word) {
    return word.replaceAll("[.,:;!?]+$", "");
  }

  private static int lineEnd(String text, int from) {
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl;
  }

  private static Optional<String> clean(String sql) {
    String s = sql.strip();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).stripTrailing();
    }
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
