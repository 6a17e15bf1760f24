package dev.diaharness.sql;

import dev.diaharness.core.BoundedCache;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Finds the {@link PredicateBound}s of a query: every comparison, BETWEEN or IN of a column (or {@code DATE(col)},
 * {@code CAST(col AS …)}) with a constant expression, in every SELECT of the statement (CTEs and subqueries too).
 * A constant expression uses no column and no subquery and does not ask for the current time. SQL that does not parse
 * has no bounds (the literal nudge still applies). Stateless and thread-safe; results cached per SQL text.
 */
public final class PredicateBounds {
  /** Bounds per query at most: each costs a few UPDATEs per variant. */
  public static final int MAX_BOUNDS = 16;
  private static final Set<String> DATE_PARTS = Set.of("day", "week", "month", "quarter", "year", "isoyear",
      "isoweek", "hour", "minute", "second", "millisecond", "microsecond", "dayofweek", "dayofyear", "date");
  private static final BoundedCache<String, List<PredicateBound>> CACHE = new BoundedCache<>(8192);

  private PredicateBounds() {}

  /** The bounds of both queries, the expected query's first; sorted, at most {@link #MAX_BOUNDS} of each. */
  public static List<PredicateBound> extract(String expectedSql, String generatedSql) {
    TreeSet<PredicateBound> all = new TreeSet<>(of(expectedSql, true));
    all.addAll(of(generatedSql, false));
    return List.copyOf(all);
  }

  static List<PredicateBound> of(String sql, boolean expected) {
    if (sql == null || sql.isBlank()) {
      return List.of();
    }
    return CACHE.get((expected ? "E" : "G") + sql, key -> Collections.unmodifiableList(parse(sql, expected)));
  }

  private static List<PredicateBound> parse(String sql, boolean expected) {
    if (!(SqlParser.parse(sql) instanceof SqlParseResult.Parsed parsed)) {
      return List.of();
    }
    List<PlainSelect> selects = new ArrayList<>();
    try {
      new TablesNamesFinder<Void>() {
        @Override
        public <S> Void visit(PlainSelect plainSelect, S context) {
          selects.add(plainSelect);
          return super.visit(plainSelect, context);
        }
      }.getTables(parsed.statement());
    } catch (RuntimeException | StackOverflowError e) {
      return List.of();
    }
    TreeSet<PredicateBound> out = new TreeSet<>();
    for (PlainSelect select : selects) {
      Map<String, String> aliases = aliases(select);
      List<String> tables = List.copyOf(new TreeSet<>(aliases.values()));
      Walker walker = new Walker(aliases, tables, expected, out);
      walker.walk(select.getWhere(), true);
      walker.walk(select.getHaving(), true);
      if (select.getJoins() != null) {
        for (Join join : select.getJoins()) {
          join.getOnExpressions().forEach(on -> walker.walk(on, true));
        }
      }
    }
    List<PredicateBound> list = new ArrayList<>(out);
    return list.size() > MAX_BOUNDS ? list.subList(0, MAX_BOUNDS) : list;
  }

  /** Alias (or table name) → table name, lower case, last segment of a dotted name. */
  private static Map<String, String> aliases(PlainSelect select) {
    Map<String, String> out = new LinkedHashMap<>();
    addTable(select.getFromItem(), out);
    if (select.getJoins() != null) {
      select.getJoins().forEach(j -> addTable(j.getRightItem(), out));
    }
    return out;
  }

  private static void addTable(FromItem item, Map<String, String> out) {
    if (item instanceof Table t) {
      String name = lastSegment(t.getName());
      out.put(name, name);
      if (t.getAlias() != null) {
        out.put(clean(t.getAlias().getName()), name);
      }
    }
  }

  private static String lastSegment(String name) {
    String n = clean(name);
    int dot = n.lastIndexOf('.');
    return dot < 0 ? n : n.substring(dot + 1);
  }

  private static String clean(String name) {
    return name.replace("`", "").replace("\"", "").strip().toLowerCase(Locale.ROOT);
  }

  /** Walks one condition tree; AND terms at the top stay conjuncts, anything under OR or NOT does not. */
  private static final class Walker {
    private final Map<String, String> aliases;
    private final List<String> tables;
    private final boolean expected;
    private final Set<PredicateBound> out;

    Walker(Map<String, String> aliases, List<String> tables, boolean expected, Set<PredicateBound> out) {
      this.aliases = aliases;
      this.tables = tables;
      this.expected = expected;
      this.out = out;
    }

    void walk(Expression e, boolean conjunct) {
      if (e == null) {
        return;
      }
      if (e instanceof AndExpression and) {
        walk(and.getLeftExpression(), conjunct);
        walk(and.getRightExpression(), conjunct);
      } else if (e instanceof OrExpression or) {
        walk(or.getLeftExpression(), false);
        walk(or.getRightExpression(), false);
      } else if (e instanceof Parenthesis p) {
        walk(p.getExpression(), conjunct);
      } else if (e instanceof NotExpression not) {
        walk(not.getExpression(), false);
      } else if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
        walk((Expression) list.get(0), conjunct);
      } else if (e instanceof ComparisonOperator cmp) {
        comparison(cmp, conjunct);
      } else if (e instanceof Between between && !between.isNot()) {
        column(between.getLeftExpression()).ifPresent(c -> {
          add(c, ">=", List.of(between.getBetweenExpressionStart()), conjunct);
          add(c, "<=", List.of(between.getBetweenExpressionEnd()), conjunct);
        });
      } else if (e instanceof InExpression in && !in.isNot()
          && in.getRightExpression() instanceof ExpressionList<?> list) {
        List<Expression> values = new ArrayList<>();
        list.forEach(v -> values.add((Expression) v));
        column(in.getLeftExpression()).ifPresent(c -> add(c, "IN", values, conjunct));
      }
    }

    private void comparison(BinaryExpression cmp, boolean conjunct) {
      String op = cmp.getStringExpression().replace("!=", "<>");
      var left = column(cmp.getLeftExpression());
      if (left.isPresent()) {
        add(left.get(), op, List.of(cmp.getRightExpression()), conjunct);
        return;
      }
      column(cmp.getRightExpression()).ifPresent(c ->
          add(c, PredicateBound.mirrored(op), List.of(cmp.getLeftExpression()), conjunct));
    }

    private void add(Column c, String op, List<Expression> values, boolean conjunct) {
      if (!List.of("=", "<", "<=", ">", ">=", "<>", "IN").contains(op) || !values.stream().allMatch(Walker::constant)) {
        return;
      }
      String qualifier = c.getTable() == null || c.getTable().getName() == null ? ""
          : aliases.getOrDefault(clean(c.getTable().getName()), lastSegment(c.getTable().getName()));
      out.add(new PredicateBound(qualifier, tables, clean(c.getColumnName()), op,
          values.stream().map(Expression::toString).toList(), conjunct, expected));
    }

    /** The column a side compares: {@code col}, {@code DATE(col)}, {@code CAST(col AS T)}. */
    private static java.util.Optional<Column> column(Expression e) {
      if (e instanceof Column c && !DATE_PARTS.contains(clean(c.getColumnName()))) {
        return java.util.Optional.of(c);
      }
      if (e instanceof CastExpression cast) {
        return column(cast.getLeftExpression());
      }
      if (e instanceof Function f && f.getName() != null && clean(f.getName()).matches("date|datetime|timestamp")
          && f.getParameters() != null && f.getParameters().size() == 1) {
        return column((Expression) f.getParameters().get(0));
      }
      if (e instanceof Parenthesis p) {
        return column(p.getExpression());
      }
      return java.util.Optional.empty();
    }

    /** No column (date parts like MONTH aside), no subquery, not the current time. */
    private static boolean constant(Expression e) {
      if (e.toString().toUpperCase(Locale.ROOT).contains("CURRENT_")) {
        return false;
      }
      boolean[] variable = {false};
      try {
        e.accept(new ExpressionVisitorAdapter<Void>() {
          @Override
          public <S> Void visit(Column column, S context) {
            if (!DATE_PARTS.contains(clean(column.getColumnName()))) {
              variable[0] = true;
            }
            return null;
          }

          @Override
          public <S> Void visit(ParenthesedSelect select, S context) {
            variable[0] = true;
            return null;
          }
        }, null);
      } catch (RuntimeException ex) {
        return false;
      }
      return !variable[0];
    }
  }
}
