package dev.diaharness.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Immutable copies of maps that keep a stable order, so JSON written from records is byte-identical between runs
 * and JVMs ({@code Map.copyOf} iterates in an order that changes between JVMs). Null values are kept: evidence
 * maps may hold them.
 */
public final class OrderedMaps {
  private OrderedMaps() {}

  /** Sorted by key when the keys are comparable, else in the source's order. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <K, V> Map<K, V> copyOf(Map<K, V> source) {
    boolean sortable = source.keySet().stream().allMatch(k -> k instanceof Comparable);
    Map<K, V> copy = sortable && !(source instanceof LinkedHashMap) ? new TreeMap(source) : new LinkedHashMap<>(source);
    return Collections.unmodifiableMap(copy);
  }
}
