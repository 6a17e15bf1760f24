package dev.diaharness.sql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a text is one query (SELECT or WITH), read without parsing, so it works on any dialect and with no tables:
 * agent SQL that would change data is refused before anything else looks at it. The sandbox checks again, on the
 * parsed statement, before anything runs.
 */
public final class StatementKind {
  private StatementKind() {}

  /** Why {@code sql} is not a single read-only query; empty when it is one. */
  public static Optional<String> notAQuery(String sql) {
    List<SqlLexer.Token> tokens = SqlLexer.tokenize(sql).stream()
        .filter(t -> !t.is(SqlLexer.Kind.WHITESPACE) && !t.is(SqlLexer.Kind.COMMENT)).toList();
    int i = 0;
    while (i < tokens.size() && tokens.get(i).isSymbol("(")) {
      i++;
    }
    if (i == tokens.size()) {
      return Optional.of("no statement");
    }
    SqlLexer.Token first = tokens.get(i);
    String keyword = first.is(SqlLexer.Kind.WORD) ? first.text().toUpperCase(Locale.ROOT) : first.text();
    if (!keyword.equals("SELECT") && !keyword.equals("WITH")) {
      return Optional.of("not a read-only query: a " + keyword + " statement");
    }
    for (int j = i; j < tokens.size(); j++) {
      if (tokens.get(j).isSymbol(";") && tokens.subList(j + 1, tokens.size()).stream()
          .anyMatch(t -> !t.isSymbol(";"))) {
        return Optional.of("more than one statement");
      }
    }
    return Optional.empty();
  }
}
