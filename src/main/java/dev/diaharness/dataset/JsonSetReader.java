package dev.diaharness.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON set: a JSON array of objects, or else JSON lines (one object per line; any sequence of objects
 * separated by whitespace is accepted, so pretty-printed objects one after the other work too). Stateless.
 */
final class JsonSetReader {
  private JsonSetReader() {}

  static RawTable read(Path file, String text) {
    return text.stripLeading().startsWith("[") ? readArray(file, text) : readLines(file, text);
  }

  private static RawTable readArray(Path file, String text) {
    JsonNode array;
    try {
      array = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
    } catch (JsonProcessingException e) {
      throw malformed(file, e);
    }
    Builder table = new Builder(file);
    for (JsonNode item : array) {
      table.add(item, "");
    }
    return table.build();
  }

  private static RawTable readLines(Path file, String text) {
    Builder table = new Builder(file);
    try (MappingIterator<JsonNode> values = Json.MAPPER.readerFor(JsonNode.class).readValues(text)) {
      while (values.hasNextValue()) {
        int line = values.getParser().currentTokenLocation().getLineNr();
        table.add(values.nextValue(), " (line " + line + ")");
      }
    } catch (JsonProcessingException e) {
      throw malformed(file, e);
    } catch (IOException e) {
      throw InputException.inFile(file, "cannot read the file: " + e.getMessage());
    }
    return table.build();
  }

  private static InputException malformed(Path file, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return InputException.inFile(file, "not valid JSON" + where + ": " + e.getOriginalMessage()
        + " (expected a JSON array of objects, or one JSON object per line)");
  }

  /** Collects objects as rows, with the union of their keys as the columns. */
  private static final class Builder {
    private final Path file;
    private final Set<String> columns = new LinkedHashSet<>();
    private final List<RawTable.Row> rows = new ArrayList<>();

    Builder(Path file) {
      this.file = file;
    }

    void add(JsonNode item, String where) {
      int number = rows.size() + 1;
      if (!item.isObject()) {
        throw new InputException(file + " row " + number + where + ": not a JSON object, got "
            + item.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      }
      Map<String, JsonNode> cells = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        columns.add(field.getKey());
        if (!field.getValue().isNull()) {
          cells.putIfAbsent(RawTable.normalise(field.getKey()), field.getValue());
        }
      }
      rows.add(new RawTable.Row(number, "row " + number + where, cells));
    }

    RawTable build() {
      return new RawTable(List.copyOf(columns), rows);
    }
  }
}
