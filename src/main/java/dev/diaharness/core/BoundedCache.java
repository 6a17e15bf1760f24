package dev.diaharness.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A memo for pure, repeatable computations (parsing, translating the same SQL again and again: every repeat of a
 * question asks it again). At most {@code capacity} entries; when full it starts over, which keeps memory bounded
 * without bookkeeping per access. Thread-safe; two threads may compute the same missing value at once.
 */
public final class BoundedCache<K, V> {
  private final int capacity;
  private final Map<K, V> entries = new ConcurrentHashMap<>();

  public BoundedCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  public V get(K key, Function<K, V> compute) {
    V value = entries.get(key);
    if (value != null) {
      return value;
    }
    value = compute.apply(key);
    if (entries.size() >= capacity) {
      entries.clear();
    }
    entries.put(key, value);
    return value;
  }
}
