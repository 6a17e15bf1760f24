package dev.diaharness.sql;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.duckdb.DuckDBConnection;

/**
 * Builds one variant: a fresh in-memory DuckDB database loaded from the base snapshot, or from its sample when the
 * tables are large ({@link VariantSample}; one {@code CREATE TABLE AS SELECT} per table from Parquet), then edited with set-based SQL for its {@link VariantKind}. A kind with nothing
 * to change (no literal fits, no date column) falls back to a sampled subset, so no variant is a plain copy.
 * Thread-safe: it only reads its immutable inputs.
 */
final class VariantBuilder {
  private final Map<String, Path> snapshot;
  private final Map<String, Path> source;
  private final List<TableProfile> tables;
  /** said before every variant's description when the variants start from a sample ("" when not) */
  private final String origin;

  /**
   * @param snapshot table → its full copy (the shuffled copy is made from it: the same rows as the base)
   * @param source   table → what the variants start from: the full copy or a sample of it
   * @param tables   the profiles of {@code source}'s tables
   * @param origin   what the variants start from, for their descriptions ("" for the full tables)
   */
  VariantBuilder(Map<String, Path> snapshot, Map<String, Path> source, List<TableProfile> tables, String origin) {
    this.snapshot = Map.copyOf(snapshot);
    this.source = Map.copyOf(source);
    this.tables = List.copyOf(tables);
    this.origin = origin;
  }

  /**
   * @param withNudge also apply a dense nudge around the literals (second-round variants, see {@link
   *     DatabaseVariants#combinedWithNudge(int)}): after a subset, so the nudged rows survive it; before the other
   *     edits, so they reach the nudged rows
   */
  VariantDatabase build(int index, VariantKind kind, boolean withNudge, long seed, Set<Literal> literals,
      List<PredicateBound> bounds) throws SQLException {
    DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    try {
      VariantEdits edits = new VariantEdits(connection, tables, seed);
      // small tables: one thread per variant keeps dozens of cached variants from spawning a pool each
      edits.execute("SET threads = 1");
      for (TableProfile t : tables) {
        edits.execute("CREATE TABLE " + VariantEdits.q(t.name()) + " AS SELECT * FROM "
            + VariantSample.parquet(source.get(t.name())));
      }
      List<String> changes = new ArrayList<>();
      boolean nudgeFirst = withNudge && kind != VariantKind.SUBSET;
      if (nudgeFirst) {
        changes.addAll(new BoundaryEdits(edits, tables, true).apply(bounds));
        changes.addAll(new NudgeEdits(edits, tables, true).nudge(literals));
      }
      if (kind == VariantKind.NUDGE && !withNudge) {
        changes.addAll(new BoundaryEdits(edits, tables, false).apply(bounds));
      }
      changes.addAll(apply(kind, edits, literals, withNudge));
      if (withNudge && !nudgeFirst) {
        changes.addAll(new BoundaryEdits(edits, tables, true).apply(bounds));
        changes.addAll(new NudgeEdits(edits, tables, true).nudge(literals));
      }
      if (changes.isEmpty() && kind != VariantKind.SUBSET) {
        changes = new ArrayList<>(edits.subset());
        changes.add(0, "nothing to " + kind.name().toLowerCase() + ", so");
      }
      String description = origin
          + (changes.isEmpty() ? "unchanged copy (tables too small to vary)" : String.join("; ", changes));
      return new VariantDatabase(index, kind, description, new EmbeddedDatabase(connection, rowCounts(connection)));
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * A copy of the base whose every table holds its rows in the reverse physical order: what a query relying on an
   * unspecified order (LIMIT without a total ORDER BY, ARRAY_AGG without ORDER BY, ANY_VALUE) reads differently —
   * reversed rather than shuffled, so that "the first row" is certain to change whenever there are two candidates.
   * One thread, so the order it was written in is the order scans read.
   */
  VariantDatabase buildShuffled(long seed) throws SQLException {
    DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    try {
      VariantEdits edits = new VariantEdits(connection, tables, seed);
      edits.execute("SET threads = 1");
      for (TableProfile t : tables) {
        edits.execute("CREATE TABLE " + VariantEdits.q(t.name()) + " AS SELECT * EXCLUDE (shuffle_rn) FROM (SELECT *, "
            + "row_number() OVER () AS shuffle_rn FROM " + VariantSample.parquet(snapshot.get(t.name()))
            + ") ORDER BY shuffle_rn DESC");
      }
      return new VariantDatabase(-1, VariantKind.SUBSET, "the same rows in another physical order",
          new EmbeddedDatabase(connection, rowCounts(connection)));
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private List<String> apply(VariantKind kind, VariantEdits edits, Set<Literal> literals, boolean nudged)
      throws SQLException {
    switch (kind) {
      case NUDGE:
        return nudged ? List.of() : new NudgeEdits(edits, tables, false).nudge(literals);
      case SUBSET:
        return edits.subset();
      case DUPLICATES:
        return edits.duplicates();
      case NULLS:
        return edits.nulls();
      default:
        return edits.boundaryDates();
    }
  }

  private Map<String, Long> rowCounts(DuckDBConnection connection) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    for (TableProfile t : tables) {
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM " + VariantEdits.q(t.name()))) {
        rs.next();
        counts.put(t.name(), rs.getLong(1));
      }
    }
    return counts;
  }
}
