package dev.diaharness.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the rows of one set file into {@link GoldenCase}s (SPEC §2.2): finds the question and SQL columns by their
 * aliases, reads the optional fields, derives missing ids ({@link QuestionIds}). One instance per file; not
 * thread-safe (use it from one thread).
 */
final class GoldenCaseMapper {
  /** Aliases in normalised form ({@link RawTable#normalise}); see {@link #first} for which matching column is read. */
  static final List<String> QUESTION_COLUMNS = List.of("question", "nl question", "nlquestion");
  static final List<String> SQL_COLUMNS = List.of("expected sql", "sql", "expectedsql", "query");
  /** Optional text fields kept in {@link GoldenCase#attributes()} under their snake_case names. */
  static final List<String> ATTRIBUTES = List.of("complexity", "expected_result_type", "sql_pattern");
  /** Other names of an attribute column, normalised; the first matching column with a value wins. */
  static final Map<String, List<String>> ATTRIBUTE_ALIASES = Map.of("complexity", List.of("difficulty"));
  /** Aliases of the {@code tags} column, normalised. */
  static final List<String> TAG_COLUMNS = List.of("tags", "tag", "labels", "label");

  /** In a CSV/XLSX cell, tags are separated by commas or semicolons (or the cell holds a JSON list). */
  private static final Pattern TAG_SEPARATOR = Pattern.compile("[,;]");

  /** One {@code |} alone separates alternatives; {@code ||} is SQL's concatenation and stays. */
  private static final Pattern ALTERNATIVE_SEPARATOR = Pattern.compile("(?<!\\|)\\|(?!\\|)");

  private final Path file;

  GoldenCaseMapper(Path file) {
    this.file = file;
  }

  List<GoldenCase> map(RawTable table) {
    List<String> question = columns(table, QUESTION_COLUMNS, "question", "nl_question, question, nlquestion");
    List<String> sql = columns(table, SQL_COLUMNS, "SQL", "expected_sql, sql, expectedsql, query");
    List<GoldenCase> cases = new ArrayList<>();
    for (RawTable.Row row : table.rows()) {
      cases.add(toCase(row, question, sql));
    }
    return cases;
  }

  /** The columns of the file that match the aliases, in file order; none is an error listing the columns found. */
  private List<String> columns(RawTable table, List<String> aliases, String what, String expected) {
    List<String> matching = table.columns().stream().map(RawTable::normalise).filter(aliases::contains)
        .distinct().toList();
    if (matching.isEmpty()) {
      throw InputException.inFile(file, "no " + what + " column (expected one of: " + expected
          + "); columns found: " + (table.columns().isEmpty() ? "none" : String.join(", ", table.columns())));
    }
    return matching;
  }

  /**
   * The first matching column that has a value in this row: in CSV/XLSX that is the first matching column; in JSON
   * each object may use its own key ({@code nl_question} in one, {@code question} in the next).
   */
  private Optional<String> first(RawTable.Row row, List<String> columns) {
    for (String column : columns) {
      Optional<String> value = text(row, column);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  private GoldenCase toCase(RawTable.Row row, List<String> questionColumns, List<String> sqlColumns) {
    String question = first(row, questionColumns).orElseThrow(() -> error(row, "empty question (column "
        + names(questionColumns) + ")"));
    String sql = first(row, sqlColumns).orElseThrow(() -> error(row, "empty SQL (column " + names(sqlColumns) + ")"));
    String id = text(row, "question id").orElseGet(() -> QuestionIds.derive(question));
    return new GoldenCase(id, question, sql, alternatives(row), orderMatters(row), tags(row), attributes(row));
  }

  private static String names(List<String> columns) {
    return columns.stream().map(c -> "'" + c.replace(' ', '_') + "'").collect(Collectors.joining(" or "));
  }

  private Map<String, String> attributes(RawTable.Row row) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String name : ATTRIBUTES) {
      List<String> columns = new ArrayList<>();
      columns.add(RawTable.normalise(name));
      columns.addAll(ATTRIBUTE_ALIASES.getOrDefault(name, List.of()));
      first(row, columns).ifPresent(value -> attributes.put(name, value));
    }
    return attributes;
  }

  private List<String> alternatives(RawTable.Row row) {
    JsonNode node = row.cells().get("alternatives");
    if (node == null) {
      return List.of();
    }
    if (node.isTextual() && node.asText().strip().startsWith("[")) {
      node = parseArray(row, "alternatives", node.asText());
    }
    return node.isArray() ? textItems(row, "alternatives", node) : split(node.asText(), ALTERNATIVE_SEPARATOR);
  }

  /** The first tag column with a value; a JSON list, a JSON list in a cell, or text split at commas/semicolons. */
  private List<String> tags(RawTable.Row row) {
    JsonNode node = TAG_COLUMNS.stream().map(row.cells()::get).filter(n -> n != null && !isBlank(n)).findFirst()
        .orElse(null);
    if (node == null) {
      return List.of();
    }
    if (node.isTextual() && node.asText().strip().startsWith("[")) {
      node = parseArray(row, "tags", node.asText());
    }
    List<String> tags = node.isArray() ? textItems(row, "tags", node) : split(node.asText(), TAG_SEPARATOR);
    return tags.stream().distinct().toList();
  }

  private static boolean isBlank(JsonNode node) {
    return node.isArray() ? node.isEmpty() : node.isValueNode() && node.asText().isBlank();
  }

  private boolean orderMatters(RawTable.Row row) {
    JsonNode node = row.cells().get("order matters");
    if (node == null) {
      return false;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    switch (node.asText().strip().toLowerCase(Locale.ROOT)) {
      case "true": case "yes": case "y": case "1": return true;
      case "false": case "no": case "n": case "0": case "": return false;
      default: throw error(row, "order_matters must be true or false, got '" + node.asText() + "'");
    }
  }

  /** A scalar cell as trimmed text; absent when missing or blank. */
  private Optional<String> text(RawTable.Row row, String column) {
    JsonNode node = row.cells().get(column);
    if (node == null) {
      return Optional.empty();
    }
    if (node.isContainerNode()) {
      throw error(row, "field '" + column.replace(' ', '_') + "' must be text, got a "
          + (node.isArray() ? "list" : "object"));
    }
    String text = node.asText().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private JsonNode parseArray(RawTable.Row row, String field, String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw error(row, field + " looks like a JSON list but does not parse: " + e.getOriginalMessage());
    }
  }

  private List<String> textItems(RawTable.Row row, String field, JsonNode array) {
    List<String> items = new ArrayList<>();
    for (JsonNode item : array) {
      if (item.isContainerNode()) {
        throw error(row, field + " must be a list of text");
      }
      if (!item.isNull() && !item.asText().isBlank()) {
        items.add(item.asText().strip());
      }
    }
    return items;
  }

  private static List<String> split(String text, Pattern separator) {
    List<String> parts = new ArrayList<>();
    for (String part : separator.split(text)) {
      if (!part.isBlank()) {
        parts.add(part.strip());
      }
    }
    return parts;
  }

  private InputException error(RawTable.Row row, String what) {
    return new InputException(file + " " + row.location() + ": " + what);
  }
}
