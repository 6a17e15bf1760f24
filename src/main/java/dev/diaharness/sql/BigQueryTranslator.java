package dev.diaharness.sql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Translates one BigQuery query to DuckDB's dialect so that it can run on the tables of an {@link EmbeddedDatabase}.
 * The query is parsed with the project's one JSqlParser set-up ({@link SqlParser}, BigQuery dialect: {@code #}
 * comments, {@code "strings"}) and written back through BigQuery-aware deparsers; each family of rules lives
 * in its own class ({@link DateFunctionRules}, {@link ScalarFunctionRules}, {@link ExtractRule}, {@link TypeMapping},
 * table names in {@link BigQuerySelectDeParser}). docs/scoring.md has the full table.
 *
 * <p>Statements other than a single query (DML, DDL, several statements) are passed through untranslated, so that
 * {@link SandboxedExecutor} rejects them with a reason rather than the translator calling them unsupported.
 *
 * <p>NULL ordering is not rewritten: BigQuery sorts NULLs first on ASC and last on DESC, which the sandbox sets as
 * DuckDB's default ({@code default_null_order}); run translated SQL through {@link SandboxedExecutor}.
 *
 * <p>This class is stateless and thread-safe; {@link #translate} never throws.
 */
public final class BigQueryTranslator {
  /** Constructs JSqlParser cannot parse at all, named so that they are reported as unsupported, not as garbage. */
  private static final List<Pattern> UNPARSEABLE_CONSTRUCTS =
      List.of(
          Pattern.compile("\\b(ML|NET|AI|KEYS|AEAD)\\.[A-Z_]+", Pattern.CASE_INSENSITIVE),
          Pattern.compile("\\b(VECTOR_SEARCH|GENERATE_DATE_ARRAY|GENERATE_ARRAY|UNNEST|PIVOT|UNPIVOT)\\b",
              Pattern.CASE_INSENSITIVE),
          // JSqlParser cannot parse a week part with a weekday inside EXTRACT
          Pattern.compile("\\bEXTRACT\\s*\\(\\s*WEEK\\s*\\(\\s*[A-Z]+\\s*\\)", Pattern.CASE_INSENSITIVE),
          Pattern.compile("\\bFOR\\s+SYSTEM_TIME\\s+AS\\s+OF\\b", Pattern.CASE_INSENSITIVE),
          Pattern.compile("\\bSELECT\\s+AS\\s+(STRUCT|VALUE)\\b", Pattern.CASE_INSENSITIVE));

  /**
   * @param bigQuerySql one BigQuery statement
   * @param loadedTables the names of the tables loaded in the database (any case); qualified table names are mapped
   *     onto them by their last segment
   */
  public Translation translate(String bigQuerySql, Set<String> loadedTables) {
    if (bigQuerySql == null || bigQuerySql.isBlank()) {
      return new Translation.Unparseable("no SQL");
    }
    Statements statements;
    try {
      statements = SqlParser.parseStatements(SqlParser.prepare(bigQuerySql), SqlParser.Dialect.BIGQUERY);
    } catch (Exception | StackOverflowError e) {
      return unparseable(bigQuerySql, SqlParser.reason(e));
    }
    if (statements == null || statements.isEmpty()) {
      return new Translation.Unparseable("no statement");
    }
    if (statements.size() != 1 || !(statements.get(0) instanceof Select)) {
      return new Translation.Translated(bigQuerySql.strip());
    }
    return render(statements.get(0), lowerCase(loadedTables));
  }

  private static Translation render(Statement statement, Set<String> loadedTables) {
    try {
      String sql = new DuckDbRenderer(loadedTables).render(statement);
      return new Translation.Translated(BacktickQuotes.toDoubleQuotes(sql));
    } catch (UnsupportedConstructException e) {
      return new Translation.Unsupported(e.construct(), e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // a construct the deparsers do not expect; not a crash of the caller
      return new Translation.Unparseable("cannot translate: " + SqlParser.reason(e));
    }
  }

  private static Translation unparseable(String sql, String reason) {
    Optional<String> construct = knownConstruct(sql);
    if (construct.isPresent()) {
      return new Translation.Unsupported(construct.get(), construct.get() + " is not translated (" + reason + ")");
    }
    return new Translation.Unparseable(reason);
  }

  private static Optional<String> knownConstruct(String sql) {
    for (Pattern pattern : UNPARSEABLE_CONSTRUCTS) {
      Matcher m = pattern.matcher(sql);
      if (m.find()) {
        String name = m.group().toUpperCase(Locale.ROOT);
        return Optional.of(name.startsWith("EXTRACT") ? name.replaceAll("\\s+", "") + ")"
            : name.replaceAll("\\s+", " "));
      }
    }
    return Optional.empty();
  }

  private static Set<String> lowerCase(Set<String> names) {
    return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }
}
