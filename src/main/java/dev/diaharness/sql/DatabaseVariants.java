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
import java.util.function.Consumer;
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
  /** Tables larger than this are sampled for the variants ({@link VariantSample}); the example's tables are smaller. */
  public static final long DEFAULT_SAMPLE_ROWS = 5_000;
  /**
   * Resident memory of one variant beyond its rows — the DuckDB instance, its sandbox's connections — for {@link
   * #cacheSizeFor} (measured with bench/ScaleBench: ~4.5–5 MB per variant at 5,000–18,000 rows).
   */
  private static final long INSTANCE_BYTES = 3_500_000;
  /** Resident memory of one loaded row of the example's tables (measured: ~200 bytes), for {@link #cacheSizeFor}. */
  private static final long ROW_BYTES = 200;
  /** What the cached literal sets' variants may take together, for {@link #cacheSizeFor}. */
  private static final long CACHE_BUDGET_BYTES = 900_000_000L;

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
  /** told about every variant the LRU cache drops, after it is closed (e.g. to close executors on it) */
  private volatile Consumer<VariantDatabase> onEvicted = v -> { };

  /** {@link #DEFAULT_CACHE_SIZE} literal sets cached. */
  public DatabaseVariants(EmbeddedDatabase base, int k, long seed) {
    this(base, k, seed, DEFAULT_CACHE_SIZE);
  }

  /**
   * @throws IllegalArgumentException when k or cacheSize is below 1
   * @throws DatabaseVariantsException when the base tables cannot be read or copied
   */
  public DatabaseVariants(EmbeddedDatabase base, int k, long seed, int cacheSize) {
    this(base, k, seed, cacheSize, DEFAULT_SAMPLE_ROWS);
  }

  /**
   * @param sampleRows a table with more rows is sampled for the variants (joins kept, {@link VariantSample}); the
   *     queries' results on the base and the shuffled copy still use every row
   * @throws IllegalArgumentException when k, cacheSize or sampleRows is below 1
   * @throws DatabaseVariantsException when the base tables cannot be read or copied
   */
  public DatabaseVariants(EmbeddedDatabase base, int k, long seed, int cacheSize, long sampleRows) {
    if (k < 1 || cacheSize < 1 || sampleRows < 1) {
      throw new IllegalArgumentException("k, cacheSize and sampleRows must be >= 1, got " + k + ", " + cacheSize
          + " and " + sampleRows);
    }
    this.k = k;
    this.seed = seed;
    this.cacheSize = cacheSize;
    this.snapshotDir = tempDir();
    try (Connection c = base.newConnection()) {
      // sorted: the base's table map is immutable, and its iteration order changes from JVM to JVM
      Set<String> tables = new TreeSet<>(base.tables().keySet());
      Map<String, Path> full = snapshot(snapshotDir, c, tables);
      boolean sampled = base.tables().values().stream().anyMatch(rows -> rows > sampleRows);
      if (sampled) {
        Map<String, Path> sample = VariantSample.write(c, new TreeMap<>(base.tables()), full, snapshotDir, sampleRows,
            seed);
        this.builder = new VariantBuilder(full, sample, VariantSample.profile(sample),
            "built from a sample of the local tables (at most about " + sampleRows + " rows each, joins kept); ");
      } else {
        this.builder = new VariantBuilder(full, full, TableProfile.readAll(c, tables), "");
      }
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

  /**
   * How many literal sets to keep variants for, so that together they take about {@value #CACHE_BUDGET_BYTES} bytes:
   * each set holds the literal-dependent variants (4 of 8), each an in-memory DuckDB instance with a copy of the
   * tables (sampled above {@code sampleRows}). Between 8 and 256. Every question has its own literals, and rebuilding
   * its variants on every repeat is the slowest part of scoring; but each set costs memory, so big data keeps fewer.
   */
  public static int cacheSizeFor(Map<String, Long> tableRows, int k, long sampleRows) {
    long rows = tableRows.values().stream().mapToLong(r -> Math.min(r, sampleRows)).sum();
    long perSet = Math.max(1, java.util.stream.IntStream.range(0, k).filter(i -> !literalFree(i)).count())
        * (INSTANCE_BYTES + rows * ROW_BYTES);
    return (int) Math.max(8, Math.min(256, CACHE_BUDGET_BYTES / perSet));
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
    for (FutureTask<List<VariantDatabase>> gone : evicted) {
      closeAll(gone);
      if (gone.isDone()) {
        try {
          gone.get().forEach(onEvicted);
        } catch (ExecutionException | InterruptedException | java.util.concurrent.CancellationException ignored) {
          // it never built anything to tell about
        }
      }
    }
    return task;
  }

  /**
   * Called with every variant the cache of literal sets drops, once it is closed: whoever made something on it (a
   * sandbox with its own connections, which keep the DuckDB instance alive) frees it now rather than at the next GC.
   */
  public void onEvicted(Consumer<VariantDatabase> listener) {
    this.onEvicted = java.util.Objects.requireNonNull(listener);
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
