package dev.diaharness.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.diaharness.core.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the first sheet of an XLSX workbook as a set: the first non-empty row is the header. Numbers are read as
 * their plain text ({@code 7}, not {@code 7.0}), booleans as booleans, formulas as their cached value; empty cells
 * are absent and fully empty rows skipped. Stateless and thread-safe.
 */
final class XlsxSetReader {
  private XlsxSetReader() {}

  static RawTable read(Path file) {
    try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
        Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
      return table(file, sheet.filter(row -> !isBlank(row)).toList());
    } catch (IOException | ExcelReaderException | UncheckedIOException e) {
      throw InputException.inFile(file, "not a readable .xlsx workbook: " + e.getMessage());
    }
  }

  private static RawTable table(Path file, List<Row> sheetRows) {
    if (sheetRows.isEmpty()) {
      return new RawTable(List.of(), List.of());
    }
    Row headerRow = sheetRows.get(0);
    List<String> header = new ArrayList<>();
    for (int c = 0; c < headerRow.getCellCount(); c++) {
      header.add(headerRow.getOptionalCell(c).map(XlsxSetReader::text).orElse("").strip());
    }
    List<RawTable.Row> rows = new ArrayList<>();
    for (Row sheetRow : sheetRows.subList(1, sheetRows.size())) {
      int number = rows.size() + 1;
      String location = "row " + number + " (sheet row " + sheetRow.getRowNum() + ")";
      rows.add(new RawTable.Row(number, location, cells(header, sheetRow)));
    }
    return new RawTable(header, rows);
  }

  private static Map<String, JsonNode> cells(List<String> header, Row row) {
    Map<String, JsonNode> cells = new LinkedHashMap<>();
    for (int c = 0; c < Math.min(header.size(), row.getCellCount()); c++) {
      Optional<JsonNode> value = row.getOptionalCell(c).flatMap(XlsxSetReader::value);
      if (value.isPresent() && !header.get(c).isEmpty()) {
        cells.putIfAbsent(RawTable.normalise(header.get(c)), value.get());
      }
    }
    return cells;
  }

  private static Optional<JsonNode> value(Cell cell) {
    switch (cell.getType()) {
      case BOOLEAN:
        return Optional.of(BooleanNode.valueOf(cell.asBoolean()));
      case EMPTY:
        return Optional.empty();
      default:
        String text = text(cell);
        return text.isBlank() ? Optional.empty() : Optional.of(TextNode.valueOf(text));
    }
  }

  private static String text(Cell cell) {
    String raw = cell.getRawValue() == null ? "" : cell.getRawValue();
    if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
      try {
        return new BigDecimal(raw).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException e) {
        return raw;
      }
    }
    return cell.getType() == org.dhatim.fastexcel.reader.CellType.STRING ? cell.asString() : raw;
  }

  private static boolean isBlank(Row row) {
    return row.stream().allMatch(c -> c == null || value(c).isEmpty());
  }
}
