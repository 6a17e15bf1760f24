package dev.diaharness.optimize;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.NlExample;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one proposed change (SPEC §5): a rewritten prompt stays natural-language instructions, not SQL; a text
 * field does not shrink below 70% of the current one; the mentions of tables, columns and join keys the field had
 * are kept; examples are objects with a question and SQL that parses. Stateless and thread-safe.
 */
public final class ProposalValidator {
  static final double MIN_KEPT_SIZE = 0.70;
  private static final Pattern SQL_FENCE = Pattern.compile("(?is)^\\s*```\\s*sql");
  /** a first line like "SELECT … FROM …" or "WITH x AS (": prose such as "Select only the columns…" has no FROM */
  private static final Pattern SQL_FIRST_LINE = Pattern.compile(
      "(?i)^\\s*((select|delete)\\b.*\\bfrom\\b.*[^.]|with\\s+\\w+\\s+as\\s*\\(.*|(insert\\s+into|update\\s+\\w+\\s+set|create\\s+table)\\b.*)$");
  private static final Pattern SQL_LINE = Pattern.compile(
      "(?i)^\\s*(select|from|where|group by|order by|join|left join|inner join|having|limit|union)\\b.*[^.:?!]\\s*$");
  private static final Pattern IDENTIFIER = Pattern.compile("\\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\\b|\\b[a-z]+\\b");

  private final Predicate<String> sqlParses;

  /** @param sqlParses whether an example's SQL parses (the SQL layer's parser) */
  public ProposalValidator(Predicate<String> sqlParses) {
    this.sqlParses = sqlParses;
  }

  /** The problems of one change; empty = valid. */
  public List<String> problems(AgentConfig current, FieldChange change) {
    List<String> problems = new ArrayList<>();
    switch (change.field()) {
      case NL2SQL_EXAMPLES:
        checkExamples(change.after(), problems);
        break;
      case ALLOWED_TABLES:
        break;
      default:
        checkText(current, change, problems);
    }
    return problems;
  }

  private void checkText(AgentConfig current, FieldChange change, List<String> problems) {
    String before = change.before();
    String after = change.after();
    if (change.field() == ConfigField.NL2SQL_PROMPT || change.field() == ConfigField.NL2PY_PROMPT) {
      if (looksLikeSql(after)) {
        problems.add(change.field().key() + " must stay natural-language instructions, not SQL");
      }
    }
    if (!before.isBlank() && after.length() < MIN_KEPT_SIZE * before.length()) {
      problems.add(String.format(Locale.ROOT, "%s shrinks to %d characters, below 70%% of the current %d",
          change.field().key(), after.length(), before.length()));
    }
    Set<String> lost = mentions(before, current);
    lost.removeAll(mentions(after, current));
    if (!lost.isEmpty()) {
      problems.add(change.field().key() + " no longer mentions " + String.join(", ", lost));
    }
  }

  /** SQL-looking text: it starts like a statement, or most of its non-empty lines are SQL clauses. */
  static boolean looksLikeSql(String text) {
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    if (SQL_FENCE.matcher(text).find() || (!lines.isEmpty() && SQL_FIRST_LINE.matcher(lines.get(0)).matches())) {
      return true;
    }
    long sqlLines = lines.stream().filter(l -> SQL_LINE.matcher(l).matches()).count();
    return !lines.isEmpty() && sqlLines * 2 > lines.size();
  }

  /**
   * Names of the data (tables, columns, join keys) that a text mentions: identifiers that also appear in the
   * schema description, so ordinary words don't count.
   */
  private static Set<String> mentions(String text, AgentConfig config) {
    Set<String> known = identifiers(config.schemaDescription());
    known.addAll(config.allowedTables().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
    Set<String> found = new LinkedHashSet<>();
    for (String id : identifiers(text)) {
      if (known.contains(id) && (id.contains("_") || config.allowedTables().contains(id) || isTableName(id, config))) {
        found.add(id);
      }
    }
    return found;
  }

  private static boolean isTableName(String id, AgentConfig config) {
    return Pattern.compile("(?im)\\b" + Pattern.quote(id) + "\\b\\s*(table|\\(|:)").matcher(config.schemaDescription())
        .find();
  }

  private static Set<String> identifiers(String text) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      ids.add(m.group());
    }
    return ids;
  }

  private void checkExamples(String text, List<String> problems) {
    List<NlExample> examples;
    try {
      examples = ConfigField.parseExamples(text);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return;
    }
    for (int i = 0; i < examples.size(); i++) {
      NlExample e = examples.get(i);
      if (e.query().isBlank() || e.expectedSql().isBlank()) {
        problems.add("example " + (i + 1) + " needs a query and expected_sql");
      } else if (!sqlParses.test(e.expectedSql())) {
        problems.add("example " + (i + 1) + " (" + e.query() + "): its SQL does not parse");
      }
    }
  }
}
