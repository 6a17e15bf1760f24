package dev.diaharness.sql;

import dev.diaharness.core.BoundedCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Builds {@link QueryComponents} from SQL: parse, resolve names ({@link AstNameNormalizer}), then walk every SELECT
 * reachable through CTEs, set operations and FROM subqueries. Subqueries inside expressions stay part of the
 * expression's text. Stateless and thread-safe; the per-call accumulator is local.
 */
final class QueryComponentExtractor {

  /** The components, or why there are none. Exactly one of the two is present. */
  record Extraction(Optional<QueryComponents> components, Optional<String> failure) {
  }

  private static final Set<String> AGGREGATES = Set.of("ANY_VALUE", "APPROX_COUNT_DISTINCT", "APPROX_QUANTILES",
      "APPROX_TOP_COUNT", "ARRAY_AGG", "ARRAY_CONCAT_AGG", "AVG", "BIT_AND", "BIT_OR", "BIT_XOR", "CORR", "COUNT",
      "COUNTIF", "COUNT_IF", "COVAR_POP", "COVAR_SAMP", "LOGICAL_AND", "LOGICAL_OR", "MAX", "MAX_BY", "MEDIAN", "MIN",
      "MIN_BY", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "STRING_AGG", "SUM", "VARIANCE", "VAR_POP", "VAR_SAMP");

  private QueryComponentExtractor() {
  }

  /** Cached: the same expected and generated SQL come back at every repeat; an extraction is immutable. */
  static Extraction extract(String sql) {
    return sql == null ? extractUncached(null) : CACHE.get(sql, QueryComponentExtractor::extractUncached);
  }

  private static final BoundedCache<String, Extraction> CACHE = new BoundedCache<>(8192);

  private static Extraction extractUncached(String sql) {
    SqlParseResult parsed = SqlParser.parse(sql);
    if (parsed instanceof SqlParseResult.Unparseable) {
      return failure("unparseable: " + ((SqlParseResult.Unparseable) parsed).reason());
    }
    Statement statement = ((SqlParseResult.Parsed) parsed).statement();
    if (!(statement instanceof Select)) {
      return failure("not a query: " + statement.getClass().getSimpleName());
    }
    if (!AstNameNormalizer.rewrite(statement, true)) {
      return failure("unsupported construct for component comparison");
    }
    try {
      return new Extraction(Optional.of(new Accumulator().build((Select) statement)), Optional.empty());
    } catch (RuntimeException e) {
      return failure("unsupported construct for component comparison: " + e.getClass().getSimpleName());
    }
  }

  private static Extraction failure(String why) {
    return new Extraction(Optional.empty(), Optional.of(why));
  }

  /** Collects parts while walking one statement. */
  private static final class Accumulator {
    private final List<String> joins = new ArrayList<>();
    private final List<String> filters = new ArrayList<>();
    private final List<String> having = new ArrayList<>();
    private final List<String> projections = new ArrayList<>();
    private final List<String> aggregates = new ArrayList<>();
    private final List<String> groupBy = new ArrayList<>();
    private final List<String> orderBy = new ArrayList<>();
    private final List<String> setOperations = new ArrayList<>();

    QueryComponents build(Select select) {
      walk(select);
      PlainSelect outer = firstPlainSelect(select);
      Optional<String> limit = limitOf(select);
      List<String> aliases = new ArrayList<>();
      int columns = 0;
      boolean distinct = false;
      if (outer != null) {
        distinct = outer.getDistinct() != null;
        columns = outer.getSelectItems().size();
        for (SelectItem<?> item : outer.getSelectItems()) {
          aliasOf(item).ifPresent(aliases::add);
        }
      }
      return new QueryComponents(tablesOf(select), joins, filters, having, projections, aggregates, groupBy,
          orderBy, limit, distinct, columns, aliases, setOperations);
    }

    private void walk(Select select) {
      if (select.getWithItemsList() != null) {
        for (WithItem<?> item : select.getWithItemsList()) {
          if (item.getSelect() != null) {
            walk(item.getSelect());
          }
        }
      }
      if (select instanceof PlainSelect) {
        walkPlain((PlainSelect) select);
      } else if (select instanceof SetOperationList) {
        SetOperationList list = (SetOperationList) select;
        list.getOperations().forEach(op -> setOperations.add(SqlNormalizer.normalize(op.toString())));
        list.getSelects().forEach(this::walk);
        addOrderBy(list.getOrderByElements(), List.of());
      } else if (select instanceof ParenthesedSelect) {
        walk(((ParenthesedSelect) select).getSelect());
        addOrderBy(select.getOrderByElements(), List.of());
      }
    }

    private void walkPlain(PlainSelect select) {
      walkFrom(select.getFromItem());
      if (select.getJoins() != null) {
        for (Join join : select.getJoins()) {
          joins.add(ConditionText.join(join));
          walkFrom(join.getRightItem());
        }
      }
      filters.addAll(ConditionText.conjuncts(select.getWhere()));
      having.addAll(ConditionText.conjuncts(select.getHaving()));
      List<SelectItem<?>> items = select.getSelectItems();
      for (SelectItem<?> item : items) {
        projections.add(ConditionText.of(item.getExpression()));
        item.getExpression().accept(new AggregateFinder(aggregates), null);
      }
      if (select.getGroupBy() != null && select.getGroupBy().getGroupByExpressionList() != null) {
        for (Object e : select.getGroupBy().getGroupByExpressionList()) {
          groupBy.add(ConditionText.of(resolveOutputReference((Expression) e, items)));
        }
      }
      addOrderBy(select.getOrderByElements(), items);
    }

    private void walkFrom(FromItem item) {
      if (item instanceof Select) {
        walk((Select) item);
      } else if (item instanceof ParenthesedFromItem) {
        ParenthesedFromItem parenthesed = (ParenthesedFromItem) item;
        walkFrom(parenthesed.getFromItem());
        if (parenthesed.getJoins() != null) {
          for (Join join : parenthesed.getJoins()) {
            joins.add(ConditionText.join(join));
            walkFrom(join.getRightItem());
          }
        }
      }
    }

    private void addOrderBy(List<OrderByElement> elements, List<SelectItem<?>> items) {
      if (elements == null) {
        return;
      }
      for (OrderByElement element : elements) {
        String expression = ConditionText.of(resolveOutputReference(element.getExpression(), items));
        String nulls = element.getNullOrdering() == null ? ""
            : element.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST ? " NULLS FIRST" : " NULLS LAST";
        orderBy.add(expression + (element.isAsc() ? " ASC" : " DESC") + nulls);
      }
    }
  }

  /** GROUP BY 1 / ORDER BY total: the select item the ordinal or output alias refers to. */
  static Expression resolveOutputReference(Expression e, List<SelectItem<?>> items) {
    if (e instanceof LongValue) {
      long ordinal = ((LongValue) e).getValue();
      if (ordinal >= 1 && ordinal <= items.size()) {
        return items.get((int) ordinal - 1).getExpression();
      }
    } else if (e instanceof Column && ((Column) e).getTable() == null) {
      String name = AstNameNormalizer.plain(((Column) e).getColumnName());
      for (SelectItem<?> item : items) {
        if (aliasOf(item).filter(name::equals).isPresent()) {
          return item.getExpression();
        }
      }
    }
    return e;
  }

  private static Optional<String> aliasOf(SelectItem<?> item) {
    Alias alias = item.getAlias();
    return alias == null ? Optional.empty() : Optional.of(AstNameNormalizer.plain(alias.getName()));
  }

  private static PlainSelect firstPlainSelect(Select select) {
    if (select instanceof PlainSelect) {
      return (PlainSelect) select;
    }
    if (select instanceof SetOperationList && !((SetOperationList) select).getSelects().isEmpty()) {
      return firstPlainSelect(((SetOperationList) select).getSelects().get(0));
    }
    if (select instanceof ParenthesedSelect) {
      return firstPlainSelect(((ParenthesedSelect) select).getSelect());
    }
    return null;
  }

  private static Optional<String> limitOf(Select select) {
    Limit limit = select.getLimit();
    String offset = select.getOffset() == null ? "" : " " + select.getOffset().toString().strip();
    if (limit == null || limit.getRowCount() == null) {
      return offset.isEmpty() ? Optional.empty() : Optional.of(SqlNormalizer.normalize(offset));
    }
    String rowCount = "LIMIT " + limit.getRowCount();
    String limitOffset = limit.getOffset() == null ? "" : " OFFSET " + limit.getOffset();
    return Optional.of(SqlNormalizer.normalize(rowCount + limitOffset + offset));
  }

  private static List<String> tablesOf(Select select) {
    Set<String> names = new TreeSet<>();
    for (String name : new TablesNamesFinder<Void>().getTables((Statement) select)) {
      names.add(SqlNormalizer.normalize(name));
    }
    return List.copyOf(names);
  }

  /** Records the aggregate functions an expression calls. */
  private static final class AggregateFinder extends ExpressionVisitorAdapter<Void> {
    private final List<String> found;

    AggregateFinder(List<String> found) {
      this.found = found;
    }

    @Override
    public <S> Void visit(Function function, S context) {
      String name = function.getName() == null ? "" : function.getName().toUpperCase(Locale.ROOT);
      if (AGGREGATES.contains(name)) {
        found.add(name);
      }
      return super.visit(function, context);
    }
  }
}
