package dev.diaharness.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

/**
 * K generated variants of a base database, for test-suite accuracy (Zhong, Yu &amp; Klein 2020): two queries that
 * agree on the shipped data but disagree on some variant are not equivalent. Variants 0–4 have one kind each, in
 * the order of {@link VariantKind}; from variant 5 on, a second round in the order subset, duplicates, NULLs,
 * boundary dates, nudge, each <em>combined with a dense nudge</em> around the queries' constants ({@link
 * #kindOf(int)}, {@link #combinedWithNudge(int)}): a near miss that shows only on rows matching the query's filter
 * (an orphaned order on the queried day, a customer twice on it, a NULL region among the customers who signed up
 * that day) needs both edits in one database. The literal-dependent variants also get rows on, just before and just
 * after each boundary of both queries' conditions, with the other conditions met ({@link BoundaryEdits}). Rows are
 * picked by a hash salted with the seed, and tables, literals and bounds are taken in sorted order, so the same
 * seed, data and SQL texts give identical variants in every JVM. {@link #shuffled()} is the base with its rows in
 * another physical order, for the stability check.
 *
 * <p>The base tables are copied once to Parquet in a private temporary folder (so build this object before any
 * sandbox locks the base database); every variant is a new in-memory DuckDB database loaded from there with one
 * {@code CREATE TABLE AS SELECT} per table and edited with set-based SQL. Variants that do not depend on literals are
 * built once; the others (the {@link VariantKind#NUDGE} variant and the second round) are built once per literal set and kept in a bounded LRU cache
 * (default {@value #DEFAULT_CACHE_SIZE} literal sets). An evicted variant is closed: take connections from the list
 * {@link #variantsFor} returned right away rather than keeping the list for later.
 *
 * <p>Thread-safe: concurrent calls for the same literal set build it once. Close it to free the variants and the
 * temporary folder; the base database stays open (it is not owned).
 */
public final class DatabaseVariants implements AutoCloseable {
  public static final int DEFAULT_K = 8;
  public static final int DEFAULT_CACHE_SIZE = 32;

  private final int k;
  private final long seed;
  private final int cacheSize;
  private final Path snapshotDir;
  private final VariantBuilder builder;
  /** What the literal-dependent variants are built from: the queries' constants and their conditions' bounds. */
  private record Key(Set<Literal> literals, List<PredicateBound> bounds) {}

  private final LinkedHashMap<Key, FutureTask<List<VariantDatabase>>> nudged =
      new LinkedHashMap<>(16, 0.75f, true);
  private final FutureTask<List<VariantDatabase>> fixed;
  private final FutureTask<List<VariantDatabase>> shuffled;
  private boolean closed;

  /** {@link #DEFAULT_CACHE_SIZE} literal sets cached. */
  public DatabaseVariants(EmbeddedDatabase base, int k, long seed) {
    this(base, k, seed, DEFAULT_CACHE_SIZE);
  }

  /**
   * @throws IllegalArgumentException when k or cacheSize is below 1
   * @throws DatabaseVariantsException when the base tables cannot be read or copied
   */
  public DatabaseVariants(EmbeddedDatabase base, int k, long seed, int cacheSize) {
    if (k < 1 || cacheSize < 1) {
      throw new IllegalArgumentException("k and cacheSize must be >= 1, got " + k + " and " + cacheSize);
    }
    this.k = k;
    this.seed = seed;
    this.cacheSize = cacheSize;
    this.snapshotDir = tempDir();
    try (Connection c = base.newConnection()) {
      // sorted: the base's table map is immutable, and its iteration order changes from JVM to JVM
      Set<String> tables = new TreeSet<>(base.tables().keySet());
      this.builder = new VariantBuilder(snapshot(snapshotDir, c, tables), TableProfile.readAll(c, tables));
    } catch (SQLException e) {
      deleteSnapshot();
      throw new DatabaseVariantsException("cannot copy the base database for variants: " + e.getMessage(), e);
    }
    this.fixed = new FutureTask<>(() -> buildAll(DatabaseVariants::literalFree, new Key(Set.of(), List.of())));
    this.shuffled = new FutureTask<>(() -> List.of(builder.buildShuffled(seed * 1_000_003L - 1)));
  }

  /**
   * The base's rows in another physical order (built on first use), for the stability check of queries whose result
   * may depend on row order; not one of the K variants.
   */
  public VariantDatabase shuffled() {
    synchronized (this) {
      ensureOpen();
    }
    return await(shuffled).get(0);
  }

  public int k() {
    return k;
  }

  private static final VariantKind[] SECOND_ROUND = {VariantKind.SUBSET, VariantKind.DUPLICATES, VariantKind.NULLS,
      VariantKind.BOUNDARY_DATES, VariantKind.NUDGE};

  /** The kind of variant {@code index}: 0–4 in {@link VariantKind} order, then subset, duplicates, NULLs, … */
  static VariantKind kindOf(int index) {
    int n = VariantKind.values().length;
    return index < n ? VariantKind.values()[index] : SECOND_ROUND[(index - n) % n];
  }

  /** Variants from the second round on also get a dense nudge, so they depend on the queries' literals. */
  static boolean combinedWithNudge(int index) {
    return index >= VariantKind.values().length;
  }

  private static boolean literalFree(int index) {
    return kindOf(index) != VariantKind.NUDGE && !combinedWithNudge(index);
  }

  /** The variants for the literals of both queries ({@link LiteralExtractor#extract(String, String)}). */
  public List<VariantDatabase> variantsFor(String expectedSql, String generatedSql) {
    return variantsFor(new Key(LiteralExtractor.extract(expectedSql, generatedSql),
        PredicateBounds.extract(expectedSql, generatedSql)));
  }

  /**
   * The K variants for these literals, in index order.
   *
   * @throws DatabaseVariantsException when a variant cannot be built
   * @throws IllegalStateException after {@link #close()}
   */
  public List<VariantDatabase> variantsFor(Set<Literal> literals) {
    return variantsFor(new Key(new TreeSet<>(literals), List.of()));
  }

  private List<VariantDatabase> variantsFor(Key key) {
    List<VariantDatabase> all = new ArrayList<>(await(fixedTask()));
    all.addAll(await(nudgedTask(key)));
    all.sort(Comparator.comparingInt(VariantDatabase::index));
    return List.copyOf(all);
  }

  private synchronized FutureTask<List<VariantDatabase>> fixedTask() {
    ensureOpen();
    return fixed;
  }

  private FutureTask<List<VariantDatabase>> nudgedTask(Key key) {
    FutureTask<List<VariantDatabase>> task;
    List<FutureTask<List<VariantDatabase>>> evicted = new ArrayList<>();
    synchronized (this) {
      ensureOpen();
      task = nudged.get(key);
      if (task == null) {
        task = new FutureTask<>(() -> buildAll(i -> !literalFree(i), key));
        nudged.put(key, task);
        evictInto(evicted);
      }
    }
    evicted.forEach(DatabaseVariants::closeAll);
    return task;
  }

  /** Drops least recently used finished entries beyond the bound; an entry still building stays for now. */
  private void evictInto(List<FutureTask<List<VariantDatabase>>> evicted) {
    Iterator<FutureTask<List<VariantDatabase>>> it = nudged.values().iterator();
    while (nudged.size() > cacheSize && it.hasNext()) {
      FutureTask<List<VariantDatabase>> candidate = it.next();
      if (candidate.isDone()) {
        it.remove();
        evicted.add(candidate);
      }
    }
  }

  private List<VariantDatabase> await(FutureTask<List<VariantDatabase>> task) {
    task.run(); // builds on the calling thread if nobody has; a no-op when done or running elsewhere
    try {
      return task.get();
    } catch (ExecutionException e) {
      synchronized (this) {
        nudged.values().remove(task); // let a later call retry
      }
      Throwable cause = e.getCause();
      throw cause instanceof DatabaseVariantsException ? (DatabaseVariantsException) cause
          : new DatabaseVariantsException("cannot build a database variant: " + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabaseVariantsException("interrupted while building database variants", e);
    }
  }

  private List<VariantDatabase> buildAll(IntPredicate which, Key key)
      throws SQLException {
    List<VariantDatabase> out = new ArrayList<>();
    try {
      for (int i = 0; i < k; i++) {
        if (which.test(i)) {
          out.add(builder.build(i, kindOf(i), combinedWithNudge(i), seed * 1_000_003L + i,
              new TreeSet<>(key.literals()), key.bounds()));
        }
      }
      return out;
    } catch (SQLException | RuntimeException e) {
      out.forEach(VariantDatabase::close);
      throw e;
    }
  }

  /** One Parquet file per base table: DuckDB cannot share in-memory tables between databases, files are cheap. */
  private static Map<String, Path> snapshot(Path dir, Connection c, Set<String> tables) throws SQLException {
    Map<String, Path> files = new TreeMap<>();
    int n = 0;
    for (String table : tables) {
      Path file = dir.resolve("t" + n++ + ".parquet");
      try (Statement st = c.createStatement()) {
        st.execute("COPY " + VariantEdits.q(table) + " TO '" + file.toAbsolutePath().toString().replace("'", "''")
            + "' (FORMAT parquet)");
      }
      files.put(table, file);
    }
    return files;
  }

  @Override
  public void close() {
    List<FutureTask<List<VariantDatabase>>> all;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      all = new ArrayList<>(nudged.values());
      all.add(fixed);
      all.add(shuffled);
      nudged.clear();
    }
    all.forEach(DatabaseVariants::closeAll);
    deleteSnapshot();
  }

  private static void closeAll(FutureTask<List<VariantDatabase>> task) {
    if (task.isDone()) {
      try {
        task.get().forEach(VariantDatabase::close);
      } catch (ExecutionException | InterruptedException | java.util.concurrent.CancellationException ignored) {
        // it never built anything to close
      }
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("DatabaseVariants is closed");
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("dia-variants");
    } catch (IOException e) {
      throw new DatabaseVariantsException("cannot create a temporary folder for variants", e);
    }
  }

  private void deleteSnapshot() {
    try (Stream<Path> files = Files.walk(snapshotDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder left behind is harmless
    }
  }
}
