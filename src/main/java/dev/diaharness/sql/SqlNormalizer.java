package dev.diaharness.sql;

import dev.diaharness.core.BoundedCache;
import dev.diaharness.sql.SqlLexer.Kind;
import dev.diaharness.sql.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Normalized forms of SQL text for the exact-match stage (SPEC §4 step 2).
 *
 * <p>{@link #normalize} applies the Python tool's string rules without parsing: comments and trailing semicolons
 * removed, keywords upper-cased, other words lower-cased, {@code project.dataset.} qualifiers and backticks dropped,
 * whitespace collapsed. String literals are kept byte for byte, so different literals never match. Unlike the Python
 * tool, spacing is normalized per token ({@code COUNT(*)} equals {@code count( * )}), which never changes meaning.
 *
 * <p>{@link #canonical} also parses the statement and re-prints it, so layout differences JSqlParser can see through
 * (optional {@code AS}, {@code INNER JOIN} spelling, redundant qualifiers) disappear; table aliases stay as written.
 * This class is stateless and thread-safe.
 */
public final class SqlNormalizer {

  /** Words upper-cased by {@link #normalize}; every other word is lower-cased (BigQuery names ignore case). */
  static final Set<String> KEYWORDS = Set.of(
      "ALL", "AND", "ANY", "ARRAY", "AS", "ASC", "BETWEEN", "BY", "CASE", "CAST", "CROSS", "CURRENT", "DESC",
      "DISTINCT", "ELSE", "END", "EXCEPT", "EXISTS", "EXTRACT", "FALSE", "FETCH", "FIRST", "FOLLOWING", "FOR", "FROM",
      "FULL", "GROUP", "GROUPING", "HAVING", "IF", "IGNORE", "IN", "INNER", "INTERSECT", "INTERVAL", "INTO", "IS",
      "JOIN", "LAST", "LATERAL", "LEFT", "LIKE", "LIMIT", "NATURAL", "NOT", "NULL", "NULLS", "OFFSET", "ON", "OR",
      "ORDER", "OUTER", "OVER", "PARTITION", "PRECEDING", "QUALIFY", "RANGE", "RECURSIVE", "RESPECT", "RIGHT",
      "ROLLUP", "ROW", "ROWS", "SELECT", "SET", "SOME", "STRUCT", "THEN", "TO", "TRUE", "UNBOUNDED", "UNION",
      "UNNEST", "USING", "WHEN", "WHERE", "WINDOW", "WITH", "WITHIN", "DATE", "TIMESTAMP", "DATETIME", "TIME");

  private SqlNormalizer() {
  }

  /** The Python tool's string normalization (SPEC §4 step 2); null counts as empty. Idempotent. */
  public static String normalize(String sql) {
    if (sql == null) {
      return "";
    }
    List<Token> tokens = significantTokens(sql);
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      if (tokens.get(i).isName()) {
        int end = nameChainEnd(tokens, i);
        out.add(renderName(tokens.subList(i, end)));
        i = end;
      } else {
        out.add(render(tokens.get(i)));
        i++;
      }
    }
    return String.join(" ", out);
  }

  /**
   * The parse-based canonical form: the re-printed statement with table qualifiers dropped and names lower-cased,
   * then {@link #normalize}d; empty when the SQL does not parse as one statement.
   */
  public static Optional<String> canonical(String sql) {
    return sql == null ? canonicalOf(null) : CANONICAL.get(sql, SqlNormalizer::canonicalOf);
  }

  /** every repeat of a question compares the same SQL again: parse it once (a pure function of the text) */
  private static final BoundedCache<String, Optional<String>> CANONICAL = new BoundedCache<>(8192);

  private static Optional<String> canonicalOf(String sql) {
    SqlParseResult parsed = SqlParser.parse(sql);
    if (!(parsed instanceof SqlParseResult.Parsed)) {
      return Optional.empty();
    }
    var statement = ((SqlParseResult.Parsed) parsed).statement();
    if (!AstNameNormalizer.rewrite(statement, false)) {
      return Optional.empty();
    }
    return Optional.of(normalize(statement.toString()));
  }

  /**
   * True when the two queries are equal after {@link #normalize}, or both parse and are equal after
   * {@link #canonical}. Blank SQL on either side never matches (as in the Python tool).
   */
  public static boolean exactMatch(String expected, String generated) {
    if (expected == null || generated == null || expected.isBlank() || generated.isBlank()) {
      return false;
    }
    String a = normalize(expected);
    String b = normalize(generated);
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    if (a.equals(b)) {
      return true;
    }
    Optional<String> canonicalExpected = canonical(expected);
    return canonicalExpected.isPresent() && canonicalExpected.equals(canonical(generated));
  }

  /** Tokens without whitespace and comments, and without trailing semicolons. */
  private static List<Token> significantTokens(String sql) {
    List<Token> tokens = new ArrayList<>();
    for (Token t : SqlLexer.tokenize(sql)) {
      if (!t.is(Kind.WHITESPACE) && !t.is(Kind.COMMENT)) {
        tokens.add(t);
      }
    }
    while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isSymbol(";")) {
      tokens.remove(tokens.size() - 1);
    }
    return tokens;
  }

  /** End (exclusive) of a dotted name starting at {@code start}: name ('.' name)*. */
  private static int nameChainEnd(List<Token> tokens, int start) {
    int end = start + 1;
    while (end + 1 < tokens.size() && tokens.get(end).isSymbol(".") && tokens.get(end + 1).isName()) {
      end += 2;
    }
    return end;
  }

  private static String render(Token t) {
    switch (t.kind()) {
      case WORD:
        String upper = asciiUpper(t.text());
        return KEYWORDS.contains(upper) ? upper : asciiLower(t.text());
      case NUMBER:
        return asciiLower(t.text());
      default:
        return t.text(); // strings and symbols verbatim
    }
  }

  /**
   * A dotted name: segments lower-cased; a single backticked dotted name keeps its last segment ({@code `d.t`} →
   * {@code t}, as the Python tool); three segments keep the last, more keep the last two, so that a name never
   * keeps {@code project.dataset.} and the result is stable under re-normalization.
   */
  private static String renderName(List<Token> chain) {
    if (chain.stream().anyMatch(SqlNormalizer::isOddQuotedName)) {
      StringBuilder verbatim = new StringBuilder(); // escapes or no closing backtick: keep as written
      chain.forEach(t -> verbatim.append(t.text()));
      return verbatim.toString();
    }
    List<String> segments = new ArrayList<>();
    for (Token t : chain) {
      if (t.is(Kind.QUOTED_NAME)) {
        segments.addAll(List.of(backtickContent(t.text()).split("\\.", -1)));
      } else if (!t.isSymbol(".")) {
        segments.add(t.text());
      }
    }
    boolean singleQuoted = chain.size() == 1 && chain.get(0).is(Kind.QUOTED_NAME);
    if (singleQuoted) {
      segments = segments.subList(segments.size() - 1, segments.size());
    } else if (segments.size() == 3) {
      segments = segments.subList(2, 3); // project.dataset.table
    } else if (segments.size() > 3) {
      segments = segments.subList(segments.size() - 2, segments.size()); // project.dataset.table.column
    }
    if (segments.size() == 1 && chain.size() == 1 && chain.get(0).is(Kind.WORD)) {
      return render(chain.get(0)); // a lone word: keyword or identifier
    }
    boolean alone = segments.size() == 1;
    List<String> rendered = new ArrayList<>();
    for (String segment : segments) {
      rendered.add(renderSegment(asciiLower(segment), alone));
    }
    return String.join(".", rendered);
  }

  /** Backticks only where needed to read the name back the same way (keeps normalize idempotent). */
  private static String renderSegment(String segment, boolean alone) {
    boolean plain = segment.matches("[a-z_][a-z0-9_]*");
    boolean keywordAlone = alone && KEYWORDS.contains(asciiUpper(segment));
    return plain && !keywordAlone ? segment : "`" + segment + "`";
  }

  private static boolean isOddQuotedName(Token t) {
    if (!t.is(Kind.QUOTED_NAME)) {
      return false;
    }
    String text = t.text();
    String inner = text.length() >= 2 ? text.substring(1, text.length() - 1) : "";
    return text.length() < 2 || !text.endsWith("`") || inner.indexOf('\\') >= 0 || inner.indexOf('`') >= 0;
  }

  private static String backtickContent(String quoted) {
    return quoted.substring(1, quoted.length() - 1);
  }

  static String asciiLower(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return b.toString();
  }

  static String asciiUpper(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
    }
    return b.toString();
  }
}
