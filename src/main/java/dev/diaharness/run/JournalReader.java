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
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads a journal or eval file back. A half-written last line (the process was killed while writing it) is
 * ignored; a broken line anywhere else, a row of a newer version or a row with an unknown field is an
 * {@link InputException} naming the file and row ({@link VersionedJson}). Stateless.
 */
public final class JournalReader {
  /** The one reader of journal and eval rows. */
  public static final VersionedJson<ItemResultJson> ROWS =
      new VersionedJson<>(ItemResultJson.class, ItemResultJson.CURRENT_VERSION, "journal row");

  /**
   * Which of two rows of one key counts: the later one, except that an error row never replaces an earlier non-error
   * row (a retry of an error keeps the old row until the retry succeeds).
   */
  public static final BinaryOperator<ItemResult> LATEST = (earlier, later) ->
      later.isError() && !earlier.isError() ? earlier : later;

  private JournalReader() {}

  /** Every row, in file order; a missing file has none. */
  public static List<ItemResult> readAll(Path file) {
    List<ItemResult> rows = new ArrayList<>();
    forEachRow(file, rows::add);
    return rows;
  }

  /** The row that counts ({@link #LATEST}) of each key, in the order keys first appear. */
  public static Map<ItemKey, ItemResult> latestByKey(Path file) {
    return latestByKey(file, key -> true);
  }

  /**
   * As {@link #latestByKey(Path)}, keeping only the keys {@code keep} accepts: the rest of the file is parsed and
   * dropped line by line, never held.
   */
  public static Map<ItemKey, ItemResult> latestByKey(Path file, Predicate<ItemKey> keep) {
    Map<ItemKey, ItemResult> latest = new LinkedHashMap<>();
    forEachRow(file, row -> {
      if (keep.test(row.key())) {
        latest.merge(row.key(), row, LATEST);
      }
    });
    return latest;
  }

  /** Streams the file's rows in order; a torn last line is skipped, a broken line elsewhere is an error. */
  private static void forEachRow(Path file, Consumer<ItemResult> action) {
    if (!Files.exists(file)) {
      return;
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = in.readLine();
      for (int row = 1; line != null; row++) {
        String next = in.readLine();
        if (!line.isBlank()) {
          try {
            action.accept(toResult(ROWS.readLine(line, file, row), file, row));
          } catch (IOException e) {
            if (next != null) { // else the crash case: the last line was being written
              throw InputException.inRow(file, row, "not a valid journal line: " + firstLine(e.getMessage()));
            }
          }
        }
        line = next;
      }
    } catch (IOException e) {
      throw InputException.inFile(file, "cannot read: " + e.getMessage());
    }
  }

  /** The row a parsed line holds; an inconsistent one is bad input naming the file and row. */
  private static ItemResult toResult(ItemResultJson json, Path file, int row) {
    try {
      return json.toResult();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw InputException.inRow(file, row, "not a valid journal row: " + e.getMessage());
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
