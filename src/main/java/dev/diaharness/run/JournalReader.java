package dev.diaharness.run;

import dev.diaharness.core.InputException;
import dev.diaharness.core.VersionedJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a journal or eval file back. A half-written last line (the process was killed while writing it) is
 * ignored; a broken line anywhere else, a row of a newer version or a row with an unknown field is an
 * {@link InputException} naming the file and row ({@link VersionedJson}). Stateless.
 */
public final class JournalReader {
  /** The one reader of journal and eval rows. */
  public static final VersionedJson<ItemResultJson> ROWS =
      new VersionedJson<>(ItemResultJson.class, ItemResultJson.CURRENT_VERSION, "journal row");

  private JournalReader() {}

  /** Every row, in file order; a missing file has none. */
  public static List<ItemResult> readAll(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> lines = lines(file);
    List<ItemResult> rows = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        rows.add(row(ROWS.readLine(line, file, i + 1), file, i + 1));
      } catch (IOException e) {
        if (i == lines.size() - 1) {
          break; // the crash case: the last line was being written
        }
        throw InputException.inRow(file, i + 1, "not a valid journal line: " + firstLine(e.getMessage()));
      }
    }
    return rows;
  }

  /**
   * The latest row of each key, except that an error row never replaces an earlier non-error row of the same key
   * (a retry of an error keeps the old row until the retry succeeds).
   */
  public static Map<ItemKey, ItemResult> latestByKey(Path file) {
    Map<ItemKey, ItemResult> latest = new LinkedHashMap<>();
    for (ItemResult row : readAll(file)) {
      latest.merge(row.key(), row, (old, now) -> now.isError() && !old.isError() ? old : now);
    }
    return latest;
  }

  /** The row a parsed line holds; an inconsistent one is bad input naming the file and row. */
  private static ItemResult row(ItemResultJson json, Path file, int row) {
    try {
      return json.toResult();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw InputException.inRow(file, row, "not a valid journal row: " + e.getMessage());
    }
  }

  private static List<String> lines(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return in.lines().toList();
    } catch (IOException e) {
      throw InputException.inFile(file, "cannot read: " + e.getMessage());
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
