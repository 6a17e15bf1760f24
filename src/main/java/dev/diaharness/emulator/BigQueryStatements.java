package dev.diaharness.emulator;

import dev.diaharness.sql.SqlParseResult;
import dev.diaharness.sql.SqlParser;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * What a BigQuery dry run says about a statement: its {@code statementType} (SELECT, INSERT, CREATE_TABLE, SCRIPT,
 * …) and the tables it reads. Text with several statements or BigQuery scripting (DECLARE, BEGIN, IF, LOOP, CALL,
 * …) is a SCRIPT, as BigQuery reports it. Stateless.
 */
final class BigQueryStatements {
  private static final Pattern SCRIPTING = Pattern.compile(
      "^\\s*(DECLARE|BEGIN|IF|LOOP|WHILE|REPEAT|FOR|CALL|SET|EXECUTE|RAISE|RETURN|CASE|EXPORT|ASSERT)\\b",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern LEADING_WRITE = Pattern.compile(
      "^\\s*(INSERT|UPDATE|DELETE|MERGE|CREATE|DROP|ALTER|TRUNCATE|GRANT|REVOKE)\\b", Pattern.CASE_INSENSITIVE);

  /** A classified statement; {@code error} is set when the text is not valid SQL (a dry run then fails). */
  record Classified(String statementType, Set<String> tables, String error) {
    boolean isValid() {
      return error == null;
    }
  }

  private BigQueryStatements() {}

  static Classified classify(String sql, Set<String> knownTables) {
    if (SCRIPTING.matcher(stripComments(sql)).find()) {
      return new Classified("SCRIPT", Set.of(), null);
    }
    SqlParseResult parsed = SqlParser.parse(sql);
    if (parsed instanceof SqlParseResult.Parsed p) {
      return new Classified(type(p.statement()), tables(p.statement(), knownTables), null);
    }
    String reason = ((SqlParseResult.Unparseable) parsed).reason();
    if (reason.equals("multiple statements")) {
      return new Classified("SCRIPT", Set.of(), null);
    }
    // BigQuery forms JSqlParser does not know (MERGE without INTO, CREATE OR REPLACE …): the leading keyword says
    java.util.regex.Matcher leading = LEADING_WRITE.matcher(stripComments(sql));
    if (leading.find()) {
      String verb = leading.group(1).toUpperCase(Locale.ROOT);
      return new Classified(verb.equals("CREATE") || verb.equals("DROP") || verb.equals("ALTER")
          || verb.equals("TRUNCATE") ? verb + "_TABLE" : verb, Set.of(), null);
    }
    return new Classified("", Set.of(), "Syntax error: " + reason);
  }

  private static String type(Statement statement) {
    if (statement instanceof Select) {
      return "SELECT";
    }
    if (statement instanceof Insert) {
      return "INSERT";
    }
    if (statement instanceof Update) {
      return "UPDATE";
    }
    if (statement instanceof Delete) {
      return "DELETE";
    }
    if (statement instanceof Merge) {
      return "MERGE";
    }
    if (statement instanceof CreateTable) {
      return ((CreateTable) statement).getSelect() != null ? "CREATE_TABLE_AS_SELECT" : "CREATE_TABLE";
    }
    if (statement instanceof CreateView) {
      return "CREATE_VIEW";
    }
    if (statement instanceof Drop drop) {
      return "DROP_" + drop.getType().toUpperCase(Locale.ROOT).replace(' ', '_');
    }
    if (statement instanceof Alter) {
      return "ALTER_TABLE";
    }
    if (statement instanceof Truncate) {
      return "TRUNCATE_TABLE";
    }
    return statement.getClass().getSimpleName().toUpperCase(Locale.ROOT);
  }

  /** The loaded tables a statement names, by the last segment of each (possibly qualified) name. */
  private static Set<String> tables(Statement statement, Set<String> knownTables) {
    Set<String> found = new TreeSet<>();
    try {
      for (String name : new TablesNamesFinder<Void>().getTables(statement)) {
        String bare = name.replace("`", "").replace("\"", "");
        String last = bare.substring(bare.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (knownTables.contains(last)) {
          found.add(last);
        }
      }
    } catch (RuntimeException e) {
      // a construct the finder does not walk: the statement still classifies, without its tables
    }
    return found;
  }

  private static String stripComments(String sql) {
    return String.join("\n", List.of(sql.replaceAll("(?s)/\\*.*?\\*/", " ").split("\n")).stream()
        .map(line -> line.replaceAll("(--|#).*$", "")).toList());
  }
}
