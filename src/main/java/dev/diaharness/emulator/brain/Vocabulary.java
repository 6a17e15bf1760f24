package dev.diaharness.emulator.brain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema-aware word knowledge of the retrieval brain for one agent config: which question words point at which
 * tables and columns. It is built from the loaded tables (names, columns, categorical values) and from the config's
 * schema description (tables and columns it names, and the words describing each column), plus a small list of
 * everyday synonyms ("revenue" → amount, "clients" → customers) kept only when their target exists in the schema.
 * So a better schema description changes what the brain understands. Immutable and thread-safe.
 */
final class Vocabulary {
  /** Everyday words and the schema names they may stand for, in order of preference. */
  private static final Map<String, List<String>> SYNONYMS = synonyms();
  private static final Pattern TABLE_LINE = Pattern.compile("(?im)\\b([a-z_][a-z0-9_]*)\\s+table\\b");
  private static final Pattern COLUMN_LINE =
      Pattern.compile("(?m)^\\s*(?:[-*•]|\\d+\\.)?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\(([A-Za-z0-9_ ,<>]+)\\)\\s*:?\\s*(.*)$");

  private final DataCatalog catalog;
  private final Set<String> tables = new LinkedHashSet<>();
  private final Map<String, String> columnTable = new LinkedHashMap<>();
  private final Map<String, Map<String, Double>> concepts = new HashMap<>();
  private final List<String> valueKeys;

  Vocabulary(String schemaDescription, DataCatalog catalog) {
    this.catalog = catalog;
    catalog.tables().forEach((table, columns) -> {
      tables.add(table);
      columns.forEach(c -> columnTable.putIfAbsent(c.name(), table));
    });
    readSchemaDescription(schemaDescription == null ? "" : schemaDescription);
    tables.forEach(t -> addName(t, "t:" + t));
    columnTable.keySet().forEach(c -> addName(c, "c:" + c));
    addSynonyms();
    valueKeys = new ArrayList<>(catalog.values().keySet());
    valueKeys.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
  }

  DataCatalog catalog() {
    return catalog;
  }

  Set<String> tables() {
    return tables;
  }

  /** Column name → the table it belongs to (from the data, else from the schema description). */
  Map<String, String> columnTable() {
    return columnTable;
  }

  /** Known categorical values, longest first so that "South Carolina" wins over "Carolina". */
  List<String> valueKeys() {
    return valueKeys;
  }

  /** The concepts (tables, columns, aggregates) a stemmed word points at, with weights. */
  Map<String, Double> conceptsOf(String stem) {
    return concepts.getOrDefault(stem, Map.of());
  }

  private void readSchemaDescription(String text) {
    String currentTable = null;
    for (String line : text.split("\\R")) {
      Matcher table = TABLE_LINE.matcher(line);
      if (table.find() && !line.contains("(")) {
        currentTable = table.group(1).toLowerCase(Locale.ROOT);
        tables.add(currentTable);
        continue;
      }
      Matcher column = COLUMN_LINE.matcher(line);
      if (column.matches()) {
        String name = column.group(1).toLowerCase(Locale.ROOT);
        if (currentTable != null) {
          columnTable.putIfAbsent(name, currentTable);
        }
        for (String word : TextFeatures.words(column.group(3))) {
          // description words are weak hints: "Customer geographic region" → region
          link(TextFeatures.stem(word), "c:" + name, 0.3);
        }
      }
    }
  }

  private void addName(String name, String concept) {
    link(TextFeatures.stem(name), concept, 1.0);
    String[] parts = name.split("_");
    if (parts.length > 1) {
      for (String part : parts) {
        if (!TextFeatures.isStopWord(part)) {
          link(TextFeatures.stem(part), concept, 0.5);
        }
      }
    }
  }

  private void addSynonyms() {
    SYNONYMS.forEach((word, targets) -> {
      String stem = TextFeatures.stem(word);
      for (String target : targets) {
        if (target.startsWith("agg:") || target.startsWith("order:") || target.equals("distinct")
            || target.equals("group")) {
          link(stem, target, 1.0);
          return;
        }
        if (columnTable.containsKey(target)) {
          link(stem, "c:" + target, 1.0);
          return;
        }
        if (tables.contains(target)) {
          link(stem, "t:" + target, 1.0);
          return;
        }
      }
    });
  }

  private void link(String stem, String concept, double weight) {
    if (stem.isEmpty()) {
      return;
    }
    concepts.computeIfAbsent(stem, s -> new HashMap<>()).merge(concept, weight, Math::max);
  }

  private static Map<String, List<String>> synonyms() {
    Map<String, List<String>> m = new HashMap<>();
    for (String w : List.of("revenue", "sales", "income", "spend", "spent", "spending", "value", "turnover")) {
      m.put(w, List.of("amount", "total_amount", "revenue", "sales", "price"));
    }
    for (String w : List.of("client", "clients", "buyer", "buyers", "shopper", "shoppers", "user", "users")) {
      m.put(w, List.of("customers", "customer", "users", "clients"));
    }
    for (String w : List.of("purchase", "purchases", "transaction", "transactions", "bought")) {
      m.put(w, List.of("orders", "order", "transactions", "sales"));
    }
    for (String w : List.of("item", "items", "goods", "merchandise", "sku")) {
      m.put(w, List.of("products", "product", "items"));
    }
    for (String w : List.of("expensive", "cheap", "cheapest", "costly", "pricey")) {
      m.put(w, List.of("price", "unit_price", "cost"));
    }
    for (String w : List.of("state", "states", "location", "area", "where")) {
      m.put(w, List.of("region", "state", "country", "city"));
    }
    for (String w : List.of("type", "kind", "segment")) {
      m.put(w, List.of("category", "type"));
    }
    for (String w : List.of("how many", "many", "count", "number")) {
      m.put(w, List.of("agg:count"));
    }
    for (String w : List.of("total", "sum", "overall")) {
      m.put(w, List.of("agg:sum"));
    }
    for (String w : List.of("average", "avg", "mean", "typical")) {
      m.put(w, List.of("agg:avg"));
    }
    for (String w : List.of("top", "most", "highest", "largest", "biggest", "best", "maximum", "max")) {
      m.put(w, List.of("order:desc"));
    }
    for (String w : List.of("least", "lowest", "smallest", "fewest", "minimum", "min", "bottom")) {
      m.put(w, List.of("order:asc"));
    }
    for (String w : List.of("distinct", "unique", "different")) {
      m.put(w, List.of("distinct"));
    }
    for (String w : List.of("each", "per", "by", "breakdown")) {
      m.put(w, List.of("group"));
    }
    return m;
  }
}
