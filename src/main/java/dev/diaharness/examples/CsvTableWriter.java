package dev.diaharness.examples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one table as CSV: a header row, {@code \n} line ends, UTF-8, an empty field for NULL, double quotes only
 * where a value needs them. The bytes depend only on the values (no locale, no platform line separator).
 */
final class CsvTableWriter {
  private CsvTableWriter() {}

  static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeRow(out, header);
      for (List<String> row : rows) {
        if (row.size() != header.size()) {
          throw new IllegalArgumentException(file + ": row has " + row.size() + " values, header " + header.size());
        }
        writeRow(out, row);
      }
    }
  }

  private static void writeRow(BufferedWriter out, List<String> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(field(values.get(i)));
    }
    out.write('\n');
  }

  static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.isEmpty() || value.contains(",") || value.contains("\"") || value.contains("\n")
        || value.contains("\r")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }

  /** Cents as a decimal with two places, e.g. 1999 → "19.99". */
  static String money(long cents) {
    String sign = cents < 0 ? "-" : "";
    long abs = Math.abs(cents);
    long fraction = abs % 100;
    return sign + abs / 100 + "." + (fraction < 10 ? "0" : "") + fraction;
  }
}
