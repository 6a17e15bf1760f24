package dev.diaharness.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.ArrayExpression;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JsonExpression;
import net.sf.jsqlparser.expression.JsonFunction;
import net.sf.jsqlparser.expression.LambdaExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.StructType;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;

/**
 * Writes BigQuery expressions as DuckDB text: function calls through {@link FunctionRules}, EXTRACT through {@link
 * ExtractRule}, CAST types through {@link TypeMapping}, BigQuery string literals and {@code * EXCEPT}. Sub-expressions
 * handled by a rule are rendered by a fresh deparser ({@link DuckDbRenderer}). One instance per rendering; not
 * thread-safe.
 */
final class BigQueryExpressionDeParser extends net.sf.jsqlparser.util.deparser.ExpressionDeParser {
  /** BigQuery's niladic time functions, written with parentheses, → DuckDB. */
  private static final Map<String, String> TIME_KEYS =
      Map.of(
          "CURRENT_DATE", "current_date",
          "CURRENT_TIMESTAMP", "current_timestamp",
          "CURRENT_TIME", "current_time",
          "CURRENT_DATETIME", "CAST(current_timestamp AS TIMESTAMP)");

  /** BigQuery's exact percentiles (window functions) → DuckDB's quantiles, same arguments. */
  private static final Map<String, String> PERCENTILES =
      Map.of("PERCENTILE_CONT", "quantile_cont", "PERCENTILE_DISC", "quantile_disc");

  private final DuckDbRenderer renderer;

  BigQueryExpressionDeParser(DuckDbRenderer renderer, StringBuilder builder) {
    super(null, builder);
    this.renderer = renderer;
  }

  @Override
  public <S> StringBuilder visit(Function function, S context) {
    String name = function.getName() == null ? "" : function.getName().toUpperCase(Locale.ROOT);
    FunctionRules.checkSupported(name);
    Optional<FunctionRule> rule = FunctionRules.find(name);
    if (rule.isPresent()) {
      List<Expression> args =
          function.getParameters() == null ? List.of() : new ArrayList<>(function.getParameters());
      builder.append(rule.get().render(name, args, renderer::render));
      return builder;
    }
    FunctionRules.rename(name).ifPresent(function::setName);
    return super.visit(function, context);
  }

  /**
   * Window and aggregate calls with OVER: the same allow-list and renames; COUNTIF becomes COUNT of a CASE,
   * PERCENTILE_CONT/DISC DuckDB's quantile_cont/disc (both skip NULLs and interpolate linearly).
   */
  @Override
  public <S> StringBuilder visit(AnalyticExpression analytic, S context) {
    String name = analytic.getName().toUpperCase(Locale.ROOT);
    if (PERCENTILES.containsKey(name)) {
      if (analytic.getNullHandling() != null || analytic.isIgnoreNulls()) {
        throw new UnsupportedConstructException(name, name + " with RESPECT/IGNORE NULLS is not translated");
      }
      analytic.setName(PERCENTILES.get(name));
      return super.visit(analytic, context);
    }
    FunctionRules.checkSupported(name);
    if (name.equals("COUNTIF")) {
      analytic.setName("count");
      analytic.setExpression(new CaseExpression(new WhenClause(analytic.getExpression(), new LongValue(1))));
    } else if (FunctionRules.find(name).isPresent()) {
      throw new UnsupportedConstructException(name + " OVER", name + " as a window function is not translated");
    } else {
      FunctionRules.rename(name).ifPresent(analytic::setName);
    }
    return super.visit(analytic, context);
  }

  /** BigQuery's {@code /} fails on a zero divisor; DuckDB's returns ±inf (or NaN). */
  @Override
  public <S> StringBuilder visit(Division division, S context) {
    builder.append("((").append(renderer.render(division.getLeftExpression())).append(") / ")
        .append(ScalarFunctionRules.nonZero(renderer.render(division.getRightExpression()))).append(")");
    return builder;
  }

  /**
   * {@code x BETWEEN a AND b} is written {@code (x >= a AND x <= b)}, which means the same (NULLs included): the
   * sandbox guard re-parses the translated text, and JSqlParser cannot read some bounds the date rules produce
   * ({@code BETWEEN CAST(d - to_days(30) AS DATE) AND ...}).
   */
  @Override
  public <S> StringBuilder visit(Between between, S context) {
    String value = renderer.render(between.getLeftExpression());
    String start = renderer.render(between.getBetweenExpressionStart());
    String end = renderer.render(between.getBetweenExpressionEnd());
    builder.append(between.isNot() ? "(NOT " : "(").append("((").append(value).append(") >= (").append(start)
        .append(") AND (").append(value).append(") <= (").append(end).append(")))");
    return builder;
  }

  @Override
  public <S> StringBuilder visit(ExtractExpression extract, S context) {
    builder.append(ExtractRule.render(extract.getName(), renderer.render(extract.getExpression())));
    return builder;
  }

  /** CAST/SAFE_CAST with BigQuery type names, and typed literals such as {@code DATETIME '2024-01-01 10:00:00'}. */
  @Override
  public <S> StringBuilder visit(CastExpression cast, S context) {
    if (cast.getFormat() != null) {
      throw new UnsupportedConstructException("CAST ... FORMAT", "CAST with a FORMAT clause is not translated");
    }
    String type = TypeMapping.duckDbType(cast.getColDataType());
    boolean safe = "SAFE_CAST".equalsIgnoreCase(cast.keyword);
    String value = renderer.render(cast.getLeftExpression());
    if (type.equals("BIGINT") && !(cast.getLeftExpression() instanceof LongValue)) {
      builder.append(toInt64(value, safe));
      return builder;
    }
    if (type.equals("VARCHAR")) {
      builder.append(floatToString(value, safe));
      return builder;
    }
    builder.append(safe ? "TRY_CAST" : "CAST").append('(').append(value).append(" AS ").append(type).append(')');
    return builder;
  }

  /** CAST(FLOAT64 AS STRING) writes a whole number without ".0" in BigQuery ('1'), DuckDB writes '1.0'. */
  private static String floatToString(String x, boolean safe) {
    String cast = safe ? "TRY_CAST" : "CAST";
    String asDouble = "TRY_CAST(" + x + " AS DOUBLE)";
    return "(CASE WHEN typeof(" + x + ") IN ('DOUBLE', 'FLOAT') AND " + asDouble + " = trunc(" + asDouble
        + ") AND abs(" + asDouble + ") < 1e15 THEN CAST(CAST(" + asDouble + " AS BIGINT) AS VARCHAR) ELSE " + cast
        + "(" + x + " AS VARCHAR) END)";
  }

  /**
   * CAST(x AS INT64): a FLOAT64 rounds half away from zero in BigQuery and half to even in DuckDB; a string must
   * spell an integer (decimal or 0x hex) in BigQuery, DuckDB also rounds '4.5'. The type of x is known only to DuckDB,
   * so the text asks it ({@code typeof}); every branch binds for any type.
   */
  private static String toInt64(String x, boolean safe) {
    String cast = safe ? "TRY_CAST" : "CAST";
    String badString = safe ? "NULL" : "error('Bad int64 value: ' || CAST(" + x + " AS VARCHAR))";
    return "(CASE WHEN typeof(" + x + ") IN ('DOUBLE', 'FLOAT') THEN " + cast + "(round(TRY_CAST(" + x
        + " AS DOUBLE)) AS BIGINT)"
        + " WHEN typeof(" + x + ") = 'VARCHAR' AND NOT regexp_full_match(CAST(" + x + " AS VARCHAR),"
        + " '\\s*[+-]?([0-9]+|0[xX][0-9a-fA-F]+)\\s*') THEN " + badString
        + " ELSE " + cast + "(" + x + " AS BIGINT) END)";
  }

  /**
   * A double-quoted name without a qualifier is a string literal in BigQuery ({@code WHERE status = "done"}); a
   * column qualified by {@code dataset.table} keeps only the table, which is how the loaded table is named.
   */
  @Override
  public <S> StringBuilder visit(Column column, S context) {
    String name = column.getColumnName();
    Table table = column.getTable();
    boolean qualified = table != null && table.getName() != null;
    if (!qualified && name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      builder.append(BigQueryStrings.duckDbLiteral(name.substring(1, name.length() - 1), false));
      return builder;
    }
    if (qualified && table.getNameParts().size() > 1) {
      column.setTable(new Table(table.getName()));
    }
    return super.visit(column, context);
  }

  @Override
  public <S> StringBuilder visit(StringValue string, S context) {
    String prefix = string.getPrefix() == null ? "" : string.getPrefix().toUpperCase(Locale.ROOT);
    if (prefix.contains("B")) {
      throw new UnsupportedConstructException("BYTES literal", "bytes literals are not translated");
    }
    builder.append(BigQueryStrings.duckDbLiteral(string.getValue(), prefix.contains("R")));
    return builder;
  }

  @Override
  public <S> StringBuilder visit(TimeKeyExpression timeKey, S context) {
    String key = timeKey.getStringValue().toUpperCase(Locale.ROOT).replace(" ", "").replace("()", "");
    builder.append(TIME_KEYS.getOrDefault(key, timeKey.getStringValue()));
    return builder;
  }

  /** {@code * EXCEPT (a, b)} is DuckDB's {@code * EXCLUDE (a, b)}; {@code * REPLACE} is the same in both. */
  @Override
  public <S> StringBuilder visit(AllColumns allColumns, S context) {
    if (allColumns.getExceptColumns() != null && !allColumns.getExceptColumns().isEmpty()) {
      allColumns.setExceptKeyword("EXCLUDE");
    }
    return super.visit(allColumns, context);
  }

  @Override
  public <S> StringBuilder visit(AllTableColumns allColumns, S context) {
    if (allColumns.getExceptColumns() != null && !allColumns.getExceptColumns().isEmpty()) {
      allColumns.setExceptKeyword("EXCLUDE");
    }
    return super.visit(allColumns, context);
  }

  @Override
  public <S> StringBuilder visit(ArrayExpression array, S context) {
    throw new UnsupportedConstructException("array subscript", "array element access ([OFFSET(n)]) is not translated");
  }

  @Override
  public <S> StringBuilder visit(ArrayConstructor array, S context) {
    throw new UnsupportedConstructException("ARRAY literal", "array literals are not translated");
  }

  @Override
  public <S> StringBuilder visit(StructType struct, S context) {
    throw new UnsupportedConstructException("STRUCT", "STRUCT values are not translated");
  }

  @Override
  public <S> StringBuilder visit(LambdaExpression lambda, S context) {
    throw new UnsupportedConstructException("lambda", "lambda expressions are not BigQuery SQL");
  }

  @Override
  public <S> StringBuilder visit(JsonExpression json, S context) {
    throw new UnsupportedConstructException("JSON", "JSON access is not translated");
  }

  @Override
  public <S> StringBuilder visit(JsonFunction json, S context) {
    throw new UnsupportedConstructException("JSON", "JSON functions are not translated");
  }
}
