package dev.diaharness.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The comparable parts of one SELECT query, each normalized: names without {@code project.dataset.} qualifiers,
 * lower-cased, table aliases resolved to table names, equality and AND/OR operands in a canonical order, literals
 * kept. Lists are multisets, sorted for stable display. Built by {@link #of(String)}; set operations and CTEs
 * contribute the parts of every SELECT they contain.
 *
 * @param tables base tables read anywhere in the query (CTE names excluded)
 * @param joins one entry per join: type, the joined table for outer/cross joins, and the ON/USING condition
 * @param filters WHERE conjuncts
 * @param having HAVING conjuncts
 * @param projections select-list expressions, without their aliases ({@code *} for a star)
 * @param aggregates aggregate functions used in the select lists, upper-case (e.g. {@code SUM})
 * @param groupBy GROUP BY expressions, with ordinals and select aliases replaced by the expressions
 * @param orderBy ORDER BY items as {@code expression ASC|DESC}, ordinals and aliases resolved
 * @param limit LIMIT (and OFFSET) of the outermost query, if any
 * @param distinct whether the outermost SELECT is DISTINCT
 * @param outputColumns select items of the outermost SELECT (a star counts as one)
 * @param columnAliases output column aliases of the outermost SELECT, lower-case
 * @param setOperations UNION/INTERSECT/EXCEPT operators used
 */
public record QueryComponents(
    List<String> tables, List<String> joins, List<String> filters, List<String> having, List<String> projections,
    List<String> aggregates, List<String> groupBy, List<String> orderBy, Optional<String> limit, boolean distinct,
    int outputColumns, List<String> columnAliases, List<String> setOperations) {

  public QueryComponents {
    tables = sorted(tables, "tables");
    joins = sorted(joins, "joins");
    filters = sorted(filters, "filters");
    having = sorted(having, "having");
    projections = sorted(projections, "projections");
    aggregates = sorted(aggregates, "aggregates");
    groupBy = sorted(groupBy, "groupBy");
    orderBy = List.copyOf(Objects.requireNonNull(orderBy, "orderBy")); // order of ORDER BY items matters
    Objects.requireNonNull(limit, "limit");
    if (outputColumns < 0) {
      throw new IllegalArgumentException("outputColumns must be >= 0, got " + outputColumns);
    }
    columnAliases = sorted(columnAliases, "columnAliases");
    setOperations = sorted(setOperations, "setOperations");
  }

  /**
   * Parses {@code sql} and extracts its components; empty when it does not parse or is not a query.
   * Thread-safe: every call parses its own tree.
   */
  public static Optional<QueryComponents> of(String sql) {
    return QueryComponentExtractor.extract(sql).components();
  }

  private static List<String> sorted(List<String> values, String field) {
    return Objects.requireNonNull(values, field).stream().sorted().toList();
  }
}
