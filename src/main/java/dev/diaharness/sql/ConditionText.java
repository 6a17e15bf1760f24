package dev.diaharness.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;

/**
 * Canonical text of expressions and conditions for component comparison: {@link SqlNormalizer#normalize}d, with
 * AND/OR operands sorted, {@code a = b} written with its operands sorted, and {@code b > a} written as
 * {@code a < b}. Stateless and thread-safe.
 */
final class ConditionText {

  private static final Map<String, String> MIRRORED = Map.of(
      "=", "=", "<>", "<>", "!=", "<>", "<", ">", ">", "<", "<=", ">=", ">=", "<=");

  private ConditionText() {
  }

  /** The normalized text of an expression. */
  static String of(Expression e) {
    return SqlNormalizer.normalize(e.toString());
  }

  /** The top-level AND conjuncts of a condition, each canonical; empty for no condition. */
  static List<String> conjuncts(Expression condition) {
    List<String> out = new ArrayList<>();
    if (condition != null) {
      for (Expression part : flatten(unwrap(condition), AndExpression.class)) {
        out.add(condition(part));
      }
    }
    return out;
  }

  /** A join as "TYPE JOIN [table] ON condition": the table is named for outer and cross joins, where side matters. */
  static String join(Join join) {
    String type = joinType(join);
    StringBuilder text = new StringBuilder(type).append(" JOIN");
    if (!type.equals("INNER")) {
      text.append(' ').append(sourceName(join.getRightItem()));
    }
    List<String> on = new ArrayList<>();
    if (join.getOnExpressions() != null) {
      join.getOnExpressions().forEach(e -> on.addAll(conjuncts(e)));
    }
    if (!on.isEmpty()) {
      on.sort(null);
      text.append(" ON ").append(String.join(" AND ", on));
    }
    if (join.getUsingColumns() != null && !join.getUsingColumns().isEmpty()) {
      List<String> using = new ArrayList<>();
      join.getUsingColumns().forEach(c -> using.add(of(c)));
      using.sort(null);
      text.append(" USING (").append(String.join(", ", using)).append(')');
    }
    return text.toString();
  }

  private static String joinType(Join join) {
    if (join.isSimple() || join.isCross()) {
      return "CROSS";
    }
    String side = join.isLeft() ? "LEFT" : join.isRight() ? "RIGHT" : join.isFull() ? "FULL" : "INNER";
    return join.isNatural() ? "NATURAL " + side : side;
  }

  private static String sourceName(FromItem item) {
    if (item instanceof Table) {
      return SqlNormalizer.normalize(((Table) item).getName());
    }
    return SqlNormalizer.normalize(item.toString());
  }

  /** A condition with commutative parts put in a canonical order. */
  static String condition(Expression e) {
    Expression x = unwrap(e);
    if (x instanceof AndExpression || x instanceof OrExpression) {
      boolean and = x instanceof AndExpression;
      List<String> parts = new ArrayList<>();
      for (Expression part : flatten(x, and ? AndExpression.class : OrExpression.class)) {
        String text = condition(part);
        boolean compound = unwrap(part) instanceof AndExpression || unwrap(part) instanceof OrExpression;
        parts.add(compound ? "( " + text + " )" : text);
      }
      parts.sort(null);
      return String.join(and ? " AND " : " OR ", parts);
    }
    if (x instanceof NotExpression) {
      return "NOT ( " + condition(((NotExpression) x).getExpression()) + " )";
    }
    if (x instanceof ComparisonOperator) {
      return comparison((BinaryExpression) x);
    }
    return of(x);
  }

  private static String comparison(BinaryExpression comparison) {
    String operator = comparison.getStringExpression().strip();
    String left = of(comparison.getLeftExpression());
    String right = of(comparison.getRightExpression());
    String mirrored = MIRRORED.get(operator);
    if (mirrored == null) {
      return of(comparison);
    }
    String canonicalOperator = operator.equals("!=") ? "<>" : operator;
    return left.compareTo(right) <= 0 ? left + " " + canonicalOperator + " " + right
        : right + " " + mirrored + " " + left;
  }

  private static List<Expression> flatten(Expression e, Class<? extends BinaryExpression> type) {
    List<Expression> parts = new ArrayList<>();
    Expression x = unwrap(e);
    if (type.isInstance(x)) {
      BinaryExpression binary = (BinaryExpression) x;
      parts.addAll(flatten(binary.getLeftExpression(), type));
      parts.addAll(flatten(binary.getRightExpression(), type));
    } else {
      parts.add(x);
    }
    return parts;
  }

  /** Removes redundant parentheses: {@code ((a = 1))} is {@code a = 1}. */
  private static Expression unwrap(Expression e) {
    Expression x = e;
    while (x instanceof ParenthesedExpressionList && ((ParenthesedExpressionList<?>) x).size() == 1) {
      x = (Expression) ((ParenthesedExpressionList<?>) x).get(0);
    }
    return x;
  }
}
