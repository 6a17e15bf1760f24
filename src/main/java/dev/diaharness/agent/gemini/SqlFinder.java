package dev.diaharness.agent.gemini;

import dev.diaharness.agent.SqlSource;
import dev.diaharness.sql.SqlExtractor;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the SQL of one streamAssist answer is, first hit wins: the SQL the service types (the last grounding
 * {@code codeSnippet} in SQL, then the last {@code executableCode} that is a query: what the tool ran), then the
 * answer text, then the thoughts. Stateless.
 */
final class SqlFinder {
  /** Executable code may be Python; only a statement that starts as a query (after comments) counts. */
  private static final Pattern QUERY_CODE =
      Pattern.compile("^\\s*(?:--[^\\n]*\\n\\s*)*(?:SELECT|WITH)\\b", Pattern.CASE_INSENSITIVE);

  /** The SQL and where it came from; {@link SqlSource#NONE} when empty. */
  record Found(Optional<String> sql, SqlSource source) {
    static final Found NONE = new Found(Optional.empty(), SqlSource.NONE);

    boolean isTyped() {
      return source == SqlSource.GROUNDING || source == SqlSource.EXECUTABLE_CODE;
    }
  }

  private SqlFinder() {}

  static Found find(StreamAssistResult result) {
    Optional<String> grounded = last(result.groundedSql()).flatMap(SqlFinder::fenced);
    if (grounded.isPresent()) {
      return new Found(grounded, SqlSource.GROUNDING);
    }
    Optional<String> code = last(result.executableCode().stream()
        .filter(c -> QUERY_CODE.matcher(c).find()).toList()).flatMap(SqlFinder::fenced);
    if (code.isPresent()) {
      return new Found(code, SqlSource.EXECUTABLE_CODE);
    }
    Optional<String> text = SqlExtractor.extract(result.text());
    if (text.isPresent()) {
      return new Found(text, SqlSource.ANSWER);
    }
    Optional<String> thoughts = SqlExtractor.extract(result.thoughts());
    return thoughts.isPresent() ? new Found(thoughts, SqlSource.THOUGHTS) : Found.NONE;
  }

  private static Optional<String> last(List<String> items) {
    return items.isEmpty() ? Optional.empty() : Optional.of(items.get(items.size() - 1));
  }

  /** Typed SQL is a statement already: the extractor's fence rule only trims it and drops a trailing {@code ;}. */
  private static Optional<String> fenced(String sql) {
    return SqlExtractor.extract("```sql\n" + sql + "\n```");
  }
}
