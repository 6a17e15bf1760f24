package dev.diaharness.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.diaharness.core.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV set (RFC 4180: comma-separated, double quotes, quoted cells may hold commas and line breaks; LF or
 * CRLF). The first record is the header. Empty cells are absent, never the text "nan" the Python tool produced;
 * fully empty rows are skipped. Stateless and thread-safe.
 */
final class CsvSetReader {
  private static final CsvMapper CSV = new CsvMapper();

  private CsvSetReader() {}

  static RawTable read(Path file, String text) {
    List<String[]> records = records(file, text);
    if (records.isEmpty()) {
      return new RawTable(List.of(), List.of());
    }
    List<String> header = Arrays.asList(records.get(0));
    List<RawTable.Row> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      String[] cells = records.get(i);
      if (isBlank(cells)) {
        continue;
      }
      int number = rows.size() + 1;
      rows.add(new RawTable.Row(number, "row " + number, cells(file, number, header, cells)));
    }
    return new RawTable(header.stream().map(String::strip).toList(), rows);
  }

  private static List<String[]> records(Path file, String text) {
    List<String[]> records = new ArrayList<>();
    try (MappingIterator<String[]> it = CSV.readerFor(String[].class)
        .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(text)) {
      while (it.hasNextValue()) {
        records.add(it.nextValue());
      }
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw InputException.inFile(file, "not valid CSV" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw InputException.inFile(file, "cannot read the file: " + e.getMessage());
    }
    return records;
  }

  private static Map<String, JsonNode> cells(Path file, int number, List<String> header, String[] values) {
    Map<String, JsonNode> cells = new LinkedHashMap<>();
    for (int c = 0; c < values.length; c++) {
      if (values[c] == null || values[c].isBlank()) {
        continue;
      }
      if (c >= header.size()) {
        throw InputException.inRow(file, number, "has " + values.length + " cells but the header has "
            + header.size() + " columns (is a cell holding a comma not in double quotes?)");
      }
      cells.putIfAbsent(RawTable.normalise(header.get(c)), TextNode.valueOf(values[c]));
    }
    return cells;
  }

  private static boolean isBlank(String[] cells) {
    return Arrays.stream(cells).allMatch(c -> c == null || c.isBlank());
  }
}
