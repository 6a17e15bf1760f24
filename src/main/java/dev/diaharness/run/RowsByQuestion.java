package dev.diaharness.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one way rows are grouped by question (for one split of one iteration): question id → its rows, one per repeat,
 * sorted by repeat. When the rows hold a key twice (a journal read raw) the row that counts is the one
 * {@link JournalReader#LATEST} keeps: the later one, except that an error row never replaces an earlier non-error
 * row. Stateless.
 */
public final class RowsByQuestion {
  private RowsByQuestion() {}

  /** Questions in the order they first appear in {@code rows}. */
  public static Map<String, List<ItemResult>> of(Collection<ItemResult> rows) {
    return group(rows, new LinkedHashMap<>());
  }

  /** Questions sorted by {@code questionOrder}. */
  public static Map<String, List<ItemResult>> of(Collection<ItemResult> rows, Comparator<String> questionOrder) {
    return group(rows, new TreeMap<>(questionOrder));
  }

  private static Map<String, List<ItemResult>> group(Collection<ItemResult> rows,
      Map<String, List<ItemResult>> target) {
    Map<ItemKey, ItemResult> latest = new LinkedHashMap<>();
    rows.forEach(r -> latest.merge(r.key(), r, JournalReader.LATEST));
    Map<String, List<ItemResult>> grouped = new LinkedHashMap<>();
    latest.values().forEach(r -> grouped.computeIfAbsent(r.key().questionId(), k -> new ArrayList<>()).add(r));
    grouped.forEach((id, list) -> {
      list.sort(Comparator.comparingInt(r -> r.key().repeat()));
      target.put(id, Collections.unmodifiableList(list));
    });
    return Collections.unmodifiableMap(target);
  }
}
