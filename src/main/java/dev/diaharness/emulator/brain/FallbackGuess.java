package dev.diaharness.emulator.brain;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.NlExample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The retrieval brain's guess when no example is close enough: a plausible one-table query on the table the
 * question's words point at most ({@code SELECT COUNT(*)}, an average/sum of a numeric column, or {@code SELECT *
 * … LIMIT n}), filtered by the known column values the question names. It is meant to be a weak baseline, usually
 * wrong for anything but the simplest questions. Stateless.
 */
final class FallbackGuess {
  private static final Pattern QUALIFIED = Pattern.compile("`([^`]+)\\.([A-Za-z_][A-Za-z0-9_]*)`");

  private FallbackGuess() {}

  /** How the config's examples qualify table names ({@code `dataset.`} prefix), else none. */
  static String qualifier(AgentConfig config) {
    for (NlExample e : config.nl2sqlExamples()) {
      Matcher m = QUALIFIED.matcher(e.expectedSql());
      if (m.find()) {
        return m.group(1) + ".";
      }
    }
    return "";
  }

  static BrainAnswer guess(TextFeatures asked, Vocabulary vocabulary, String qualifier, String why) {
    Optional<String> table = bestTable(asked, vocabulary);
    if (table.isEmpty()) {
      return BrainAnswer.noSql(why + " I cannot tell which table the question is about.");
    }
    String t = table.get();
    String name = qualifier.isEmpty() ? t : "`" + qualifier + t + "`";
    List<String> filters = new ArrayList<>();
    for (DataCatalog.ColumnValue v : asked.values()) {
      if (v.column().table().equals(t)) {
        filters.add(v.column().name() + " = '" + v.value().replace("'", "''") + "'");
      }
    }
    String where = filters.isEmpty() ? "" : " WHERE " + String.join(" AND ", filters);
    String sql = "SELECT " + selectList(asked, vocabulary, t) + " FROM " + name + where + limit(asked);
    return BrainAnswer.withSql(sql, why + " I guess the question is about the " + t + " table.");
  }

  private static String selectList(TextFeatures asked, Vocabulary vocabulary, String table) {
    Map<String, Double> w = asked.weights();
    if (w.containsKey("agg:count")) {
      return "COUNT(*)";
    }
    String aggregate = w.containsKey("agg:avg") ? "AVG" : w.containsKey("agg:sum") ? "SUM" : null;
    Optional<String> numeric = numericColumn(asked, vocabulary, table);
    if (aggregate != null && numeric.isPresent()) {
      return aggregate + "(" + numeric.get() + ")";
    }
    return "*";
  }

  private static String limit(TextFeatures asked) {
    if (asked.weights().containsKey("agg:count") || asked.weights().containsKey("agg:avg")
        || asked.weights().containsKey("agg:sum")) {
      return "";
    }
    return " LIMIT " + (asked.numbers().isEmpty() ? "10" : asked.numbers().get(0));
  }

  private static Optional<String> numericColumn(TextFeatures asked, Vocabulary vocabulary, String table) {
    List<DataCatalog.Column> columns = vocabulary.catalog().tables().getOrDefault(table, List.of());
    for (DataCatalog.Column c : columns) {
      if (c.isNumeric() && asked.weights().containsKey("c:" + c.name())) {
        return Optional.of(c.name());
      }
    }
    return columns.stream().filter(DataCatalog.Column::isNumeric).map(DataCatalog.Column::name).findFirst();
  }

  private static Optional<String> bestTable(TextFeatures asked, Vocabulary vocabulary) {
    Map<String, Double> score = new LinkedHashMap<>();
    vocabulary.tables().forEach(t -> score.put(t, 0.0));
    asked.weights().forEach((feature, weight) -> {
      if (feature.startsWith("t:")) {
        score.merge(feature.substring(2), weight, Double::sum);
      } else if (feature.startsWith("c:")) {
        String owner = vocabulary.columnTable().get(feature.substring(2));
        if (owner != null) {
          score.merge(owner, weight * 0.5, Double::sum);
        }
      }
    });
    asked.values().forEach(v -> score.merge(v.column().table(), 1.0, Double::sum));
    return score.entrySet().stream().filter(e -> e.getValue() > 0)
        .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
  }
}
