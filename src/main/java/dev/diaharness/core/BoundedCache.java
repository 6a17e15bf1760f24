package dev.diaharness.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * A memo for repeatable computations (parsing or running the same SQL again: every repeat of a question asks it
 * again), holding at most about {@code capacity} entries (Caffeine's size-based eviction: rarely used entries go
 * first), where a plain map emptied when full would throw away the hot entries with the cold. A value that is
 * {@link AutoCloseable} is closed when it is evicted or when the cache is closed (one evicted while still being
 * computed is handed to its caller and not closed here).
 *
 * <p>Each key is computed once: a caller asking for a key another thread is computing waits for that result. The
 * computation runs on the caller's thread and outside any lock of the map, so a slow one (a DuckDB query) never
 * blocks callers of other keys. A computation that throws is not cached; the next caller computes again.
 *
 * <p>This class is thread-safe.
 *
 * @param <K> the key: equal keys share a value
 * @param <V> the value, never null
 */
public final class BoundedCache<K, V> implements AutoCloseable {
  private final Cache<K, CompletableFuture<V>> cache;
  private final ConcurrentMap<K, CompletableFuture<V>> map;

  /**
   * @throws IllegalArgumentException when capacity is below 1
   */
  public BoundedCache(int capacity) {
    this(builder(capacity));
  }

  private BoundedCache(Caffeine<Object, Object> builder) {
    this.cache = builder.<K, CompletableFuture<V>>removalListener((key, value, cause) -> closeValue(value, cause))
        .build();
    this.map = cache.asMap();
  }

  private static Caffeine<Object, Object> builder(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    // maintenance and the removal listener run on the calling thread, not on the common pool
    return Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run);
  }

  /**
   * The value of {@code key}, computed by {@code compute} unless cached or being computed by another thread.
   *
   * @throws RuntimeException whatever {@code compute} threw (also to callers that waited for it)
   */
  public V get(K key, Function<K, V> compute) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> existing = map.putIfAbsent(key, mine);
    if (existing != null) {
      return await(existing);
    }
    try {
      V value = compute.apply(key);
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      map.remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** The number of entries now; pending evictions are applied first. */
  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  /** Removes every entry, closing the values that are {@link AutoCloseable}. The cache stays usable. */
  @Override
  public void close() {
    cache.invalidateAll();
    cache.cleanUp();
  }

  private static <V> V await(CompletableFuture<V> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private static void closeValue(CompletableFuture<?> future, RemovalCause cause) {
    if (cause == RemovalCause.REPLACED || future == null || !future.isDone() || future.isCompletedExceptionally()) {
      return; // a failed computation has nothing to close; one still computing goes to its caller
    }
    if (future.join() instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // the value is gone from the cache either way; nobody is left to tell
      }
    }
  }
}
