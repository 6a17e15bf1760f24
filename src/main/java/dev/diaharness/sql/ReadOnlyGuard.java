package dev.diaharness.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * The first line of the sandbox: decides from the parsed text whether a DuckDB statement may run. Only one
 * SELECT/WITH query passes; DuckDB table functions other than {@code range}, {@code generate_series} and {@code
 * unnest}, functions that read files, URLs, the environment or run SQL text, and table names that are string
 * literals or look like files (DuckDB's replacement scans read those) are refused wherever they appear. Text that does
 * not parse is refused too: what cannot be checked does not run. Stateless and thread-safe.
 */
final class ReadOnlyGuard {
  private static final Set<String> ALLOWED_TABLE_FUNCTIONS = Set.of("range", "generate_series", "unnest");
  private static final Set<String> FORBIDDEN_FUNCTIONS =
      Set.of("glob", "query", "query_table", "getenv", "sniff_csv", "load_extension", "install_extension");
  private static final List<String> FORBIDDEN_PREFIXES =
      List.of("read_", "parquet_", "iceberg_", "delta_", "sqlite_", "postgres_", "mysql_", "http", "duckdb_secrets");

  /** Schemas a qualified table name may use; the loaded tables live in main. */
  private static final Set<String> ALLOWED_SCHEMAS = Set.of("main", "information_schema", "pg_catalog", "temp");

  private ReadOnlyGuard() {}

  /** A function that reads files, URLs or the environment, or runs SQL text: refused wherever it appears. */
  static boolean forbiddenFunction(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return FORBIDDEN_FUNCTIONS.contains(lower) || FORBIDDEN_PREFIXES.stream().anyMatch(lower::startsWith);
  }

  private static String schema(Table table) {
    String schema = table.getSchemaName();
    return schema == null ? "" : DateParts.unquote(schema).toLowerCase(Locale.ROOT);
  }

  /** Why the statement may not run; empty when it may. */
  static Optional<String> rejection(String sql) {
    Statements statements;
    try {
      // read exactly as DuckDB will read it: no backslash escapes, no '#' comments
      statements = SqlParser.parseStatements(sql, SqlParser.Dialect.DUCKDB);
    } catch (Exception | StackOverflowError e) {
      return Optional.of("cannot verify that the statement is read-only: " + SqlParser.reason(e));
    }
    if (statements == null || statements.size() != 1) {
      int count = statements == null ? 0 : statements.size();
      return Optional.of("exactly one statement may run, got " + count);
    }
    Statement statement = statements.get(0);
    if (!(statement instanceof Select)) {
      return Optional.of("only a read-only SELECT/WITH query may run, got " + kind(statement));
    }
    return forbiddenReference((Select) statement);
  }

  private static Optional<String> forbiddenReference(Select select) {
    ReferenceCollector collector = new ReferenceCollector();
    try {
      collector.getTables((Statement) select);
    } catch (RuntimeException e) {
      return Optional.of("cannot verify that the statement is read-only: " + SqlParser.reason(e));
    }
    return collector.problems.stream().findFirst();
  }

  private static String kind(Statement statement) {
    String name = statement.getClass().getSimpleName();
    return name.equals("UnsupportedStatement") ? "an unsupported statement" : name.toUpperCase(Locale.ROOT);
  }

  /** Walks every table, table function and function call, however deeply nested, and notes forbidden ones. */
  private static final class ReferenceCollector extends TablesNamesFinder<Void> {
    final List<String> problems = new ArrayList<>();

    ReferenceCollector() {
      init(true);
    }

    @Override
    public <S> Void visit(TableFunction tableFunction, S context) {
      String name = tableFunction.getFunction().getName().toLowerCase(Locale.ROOT);
      if (!ALLOWED_TABLE_FUNCTIONS.contains(name)) {
        problems.add("table function " + name + " is not allowed");
      }
      return super.visit(tableFunction, context);
    }

    @Override
    public <S> Void visit(Function function, S context) {
      String name = function.getName() == null ? "" : function.getName().toLowerCase(Locale.ROOT);
      if (forbiddenFunction(name)) {
        problems.add("function " + name + " is not allowed");
      }
      return super.visit(function, context);
    }

    @Override
    public <S> Void visit(Table table, S context) {
      String name = table.getName() == null ? "" : table.getName();
      String bare = DateParts.unquote(name);
      if (name.startsWith("'") || bare.contains("/") || bare.contains("\\") || bare.contains(".")
          || bare.contains(":")) {
        problems.add("table name " + name + " looks like a file or URL");
      } else if (table.getNameParts().size() > 1 && !ALLOWED_SCHEMAS.contains(schema(table))) {
        // JSqlParser splits "data.csv" into two parts; DuckDB would read it as a file
        problems.add("table name " + table.getFullyQualifiedName() + " is not a loaded table");
      }
      return super.visit(table, context);
    }
  }
}
