package dev.diaharness.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the first row of a CSV file that breaks the format the loader expects (header row, comma, double quotes,
 * the same number of fields in every row). DuckDB only says "Error when sniffing file"; this names the row. It
 * runs only after DuckDB has rejected a file, so the fast path reads each file once. Stateless and thread-safe.
 */
final class CsvDiagnosis {
  private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

  private CsvDiagnosis() {}

  /** A one-line description of the first problem, starting with "row N" (1-based data row), if one is found. */
  static Optional<String> firstProblem(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<List<String>> rows = MAPPER.readerForListOf(String.class).readValues(reader)) {
      Optional<List<String>> header = next(rows, 0);
      if (header.isEmpty()) {
        return Optional.of("no header row");
      }
      int width = header.get().size();
      for (int row = 1; ; row++) {
        Optional<List<String>> fields = next(rows, row);
        if (fields.isEmpty()) {
          return Optional.empty();
        }
        if (fields.get().size() != width) {
          return Optional.of("row " + row + ": " + fields.get().size() + " fields, but the header has " + width);
        }
      }
    } catch (RowProblem e) {
      return Optional.of(e.getMessage());
    } catch (IOException | RuntimeException e) {
      return Optional.of("not readable as UTF-8 CSV: " + firstLine(e.getMessage()));
    }
  }

  private static Optional<List<String>> next(MappingIterator<List<String>> rows, int row) {
    try {
      return rows.hasNextValue() ? Optional.of(rows.nextValue()) : Optional.empty();
    } catch (JsonProcessingException e) {
      throw new RowProblem((row == 0 ? "header row" : "row " + row) + ": " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new RowProblem((row == 0 ? "header row" : "row " + row) + ": " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    return message == null ? "unknown error" : message.strip().lines().findFirst().orElse("unknown error");
  }

  /** Carries a row-numbered message out of the iteration. */
  private static final class RowProblem extends RuntimeException {
    RowProblem(String message) {
      super(message, null, false, false);
    }
  }
}
