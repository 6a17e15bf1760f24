package dev.diaharness.sql;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a text table file for what DuckDB accepts silently: an empty file (it would become a table with one
 * made-up column) and a JSON array cut short (DuckDB loads {@code [{...},} as one row, losing the rest). Stateless
 * and thread-safe.
 */
final class TableFileCheck {
  private static final int BOM_FIRST_BYTE = 0xEF;

  private TableFileCheck() {}

  /**
   * @throws InputException naming the file when it is empty or a malformed JSON array
   */
  static void beforeLoad(Path file, boolean json) {
    int first = firstSignificantByte(file);
    if (first < 0) {
      throw InputException.inFile(file, "table file is empty (a table needs at least a header or one record)");
    }
    if (json && first == '[') {
      checkArray(file);
    }
  }

  /** The first byte that is not whitespace or part of a UTF-8 byte order mark; -1 for an empty file. */
  private static int firstSignificantByte(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      int b = in.read();
      if (b == BOM_FIRST_BYTE) {
        in.skip(2);
        b = in.read();
      }
      while (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        b = in.read();
      }
      return b;
    } catch (IOException e) {
      throw InputException.inFile(file, "cannot read the table file: " + e.getMessage());
    }
  }

  /** Streams through the array (no tree in memory), so a large file costs one quick pass. */
  private static void checkArray(Path file) {
    try (JsonParser parser = Json.MAPPER.createParser(file.toFile())) {
      parser.nextToken();
      parser.skipChildren();
      if (parser.nextToken() != null) {
        throw InputException.inFile(file, "table file does not parse: content after the end of the JSON array"
            + " at line " + parser.currentLocation().getLineNr());
      }
    } catch (JsonParseException e) {
      throw InputException.inFile(file, "table file does not parse: " + firstLine(e.getOriginalMessage())
          + " at line " + e.getLocation().getLineNr());
    } catch (IOException e) {
      throw InputException.inFile(file, "cannot read the table file: " + e.getMessage());
    }
  }

  private static String firstLine(String message) {
    return message == null ? "invalid JSON" : message.strip().lines().findFirst().orElse("invalid JSON");
  }
}
