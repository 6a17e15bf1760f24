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
import java.util.function.BinaryOperator;

/**
 * Reads a journal or eval file back. A half-written last line (the process was killed while writing it) is
 * ignored; a broken line anywhere else, a row of a newer version or a row with an unknown field is an
 * {@link InputException} naming the file and row ({@link VersionedJson}). Stateless.
 */
public final class JournalReader {
  /** The one reader of journal and eval rows. */
  public static final VersionedJson<ItemResult> ROWS =
      new VersionedJson<>(ItemResult.class, ItemResult.CURRENT_VERSION, "journal row");

  /**
   * Which of two rows of one key counts: the later one, except that an error row never replaces an earlier non-error
   * row (a retry of an error keeps the old row until the retry succeeds).
   */
  public static final BinaryOperator<ItemResult> LATEST = (earlier, later) ->
      later.isError() && !earlier.isError() ? earlier : later;

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
        rows.add(ROWS.readLine(line, file, i + 1));
      } catch (IOException e) {
        if (i == lines.size() - 1) {
          break; // the crash case: the last line was being written
        }
        throw InputException.inRow(file, i + 1, "not a valid journal line: " + firstLine(e.getMessage()));
      }
    }
    return rows;
  }

  /** The row that counts ({@link #LATEST}) of each key, in the order keys first appear. */
  public static Map<ItemKey, ItemResult> latestByKey(Path file) {
    Map<ItemKey, ItemResult> latest = new LinkedHashMap<>();
    for (ItemResult row : readAll(file)) {
      latest.merge(row.key(), row, LATEST);
    }
    return latest;
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
