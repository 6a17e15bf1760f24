package dev.diaharness.sql;

import dev.diaharness.sql.SqlLexer.Kind;
import dev.diaharness.sql.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * A second try for text JSqlParser 5.3 refuses because of a {@code BETWEEN} bound: its grammar gives up on bounds
 * such as {@code DATE_SUB(DATE_TRUNC(d, MONTH), INTERVAL 1 MONTH)} or {@code LAST_DAY(DATE_SUB(d, INTERVAL 1 MONTH))}
 * ("unexpected token AND"), though each parses on its own. Every bound is replaced by a placeholder column, the
 * text is parsed, each bound is parsed alone, and the bounds are put back into the tree; when a bound cannot be put
 * back the first failure stands. Stateless and thread-safe.
 */
final class BetweenBounds {
  private static final String PLACEHOLDER = "dia_between_bound_";
  /** Words and symbols that end an upper bound at its own parenthesis depth (a bound is an arithmetic term). */
  private static final Set<String> ENDS_UPPER_BOUND =
      Set.of("AND", "OR", "THEN", "WHEN", "ELSE", "END", "GROUP", "ORDER", "HAVING", "LIMIT", "QUALIFY", "WINDOW",
          "UNION", "INTERSECT", "EXCEPT", "AS", "FROM", "WHERE", "IS", "NOT", "IN", "LIKE", "ASC", "DESC", "ON",
          "JOIN", "LEFT", "RIGHT", "INNER", "FULL", "CROSS", "OFFSET", ",", ";", "=", "<", ">", "<=", ">=", "<>",
          "!=");

  /** Parses text with this class's one configuration; {@link SqlParser#parseStatements} without the retry. */
  @FunctionalInterface
  interface Parse {
    Statements parse(String text) throws JSQLParserException;
  }

  private BetweenBounds() {}

  /** The statements with their BETWEEN bounds restored; empty when the text has no bound to lift out. */
  static Optional<Statements> parseWithPlaceholders(String text, Parse parse) throws JSQLParserException {
    List<String> bounds = new ArrayList<>();
    String lifted = liftBounds(text, bounds);
    if (bounds.isEmpty()) {
      return Optional.empty();
    }
    Statements statements = parse.parse(lifted);
    List<Expression> parsedBounds = new ArrayList<>();
    for (String bound : bounds) {
      parsedBounds.add(parseExpression(bound, parse));
    }
    Restorer restorer = new Restorer(parsedBounds);
    try {
      for (Statement statement : statements) {
        restorer.getTables(statement);
      }
    } catch (RuntimeException e) {
      throw new JSQLParserException("cannot place the BETWEEN bounds back into the parsed query", e);
    }
    if (restorer.restored != bounds.size()) {
      throw new JSQLParserException("cannot place the BETWEEN bounds back into the parsed query");
    }
    return Optional.of(statements);
  }

  /** The text with both bounds of every BETWEEN replaced by placeholders; {@code bounds} gets their text. */
  static String liftBounds(String text, List<String> bounds) {
    List<Token> tokens = SqlLexer.tokenize(text);
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < tokens.size()) {
      Token token = tokens.get(i);
      out.append(token.text());
      i++;
      if (!token.is(Kind.WORD) || !token.text().equalsIgnoreCase("BETWEEN")) {
        continue;
      }
      int and = boundEnd(tokens, i, Set.of("AND"));
      if (and == i || and == tokens.size()) {
        continue;
      }
      int upperEnd = boundEnd(tokens, and + 1, ENDS_UPPER_BOUND);
      if (upperEnd == and + 1) {
        continue;
      }
      out.append(placeholder(tokens.subList(i, and), bounds)).append(" AND ")
          .append(placeholder(tokens.subList(and + 1, upperEnd), bounds));
      i = upperEnd;
    }
    return out.toString();
  }

  private static String placeholder(List<Token> bound, List<String> bounds) {
    StringBuilder text = new StringBuilder();
    bound.forEach(t -> text.append(t.text()));
    bounds.add(text.toString().strip());
    return " " + PLACEHOLDER + (bounds.size() - 1) + " ";
  }

  /**
   * Index of the first token from {@code start} on that is in {@code ends} at the starting parenthesis depth (or of
   * a closing parenthesis below it, or the end of the text); {@code start} when the bound would be empty or holds
   * no token but whitespace.
   */
  private static int boundEnd(List<Token> tokens, int start, Set<String> ends) {
    int depth = 0;
    int i = start;
    for (; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")") && --depth < 0) {
        break;
      } else if (depth == 0 && (t.is(Kind.WORD) || t.is(Kind.SYMBOL))
          && ends.contains(t.text().toUpperCase(Locale.ROOT))) {
        break;
      }
    }
    boolean blank = tokens.subList(start, i).stream().allMatch(t -> t.is(Kind.WHITESPACE) || t.is(Kind.COMMENT));
    return blank ? start : i;
  }

  private static Expression parseExpression(String bound, Parse parse) throws JSQLParserException {
    Statements statements = parse.parse("SELECT " + bound);
    if (statements.size() == 1 && statements.get(0) instanceof PlainSelect select
        && select.getSelectItems().size() == 1) {
      return select.getSelectItems().get(0).getExpression();
    }
    throw new JSQLParserException("cannot parse the BETWEEN bound " + bound);
  }

  /** Walks every expression of a statement and puts each bound back where its placeholder is. */
  private static final class Restorer extends TablesNamesFinder<Void> {
    private final List<Expression> bounds;
    int restored;

    Restorer(List<Expression> bounds) {
      this.bounds = bounds;
      init(true);
    }

    @Override
    public <S> Void visit(Between between, S context) {
      between.setBetweenExpressionStart(restore(between.getBetweenExpressionStart()));
      between.setBetweenExpressionEnd(restore(between.getBetweenExpressionEnd()));
      return super.visit(between, context);
    }

    private Expression restore(Expression bound) {
      if (bound instanceof Column column && column.getTable() == null
          && column.getColumnName().toLowerCase(Locale.ROOT).startsWith(PLACEHOLDER)) {
        restored++;
        return bounds.get(Integer.parseInt(column.getColumnName().substring(PLACEHOLDER.length())));
      }
      return bound;
    }
  }
}
