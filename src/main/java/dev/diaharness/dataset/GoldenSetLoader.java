package dev.diaharness.dataset;

import dev.diaharness.core.InputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads a golden or test set (SPEC §2.2), the format chosen by the file extension: {@code .json} (a JSON array of
 * objects, else JSON lines), {@code .jsonl}/{@code .ndjson}, {@code .csv}, {@code .xlsx} (first sheet). Text files
 * are UTF-8, with or without a byte-order mark, LF or CRLF. Every problem is an {@link InputException} with one
 * line naming the file and, where there is one, the row and field. Stateless and thread-safe.
 */
public final class GoldenSetLoader {
  private GoldenSetLoader() {}

  /**
   * @throws InputException when the file is missing or unreadable, its extension unknown, its content malformed,
   *     it has no rows, lacks the question or SQL column, a row has an empty question or SQL, or two rows share an id
   */
  public static GoldenSet load(Path file) {
    RawTable table = read(file);
    if (table.rows().isEmpty()) {
      throw InputException.inFile(file, "no questions (the file has no data rows)");
    }
    List<GoldenCase> cases = new GoldenCaseMapper(file).map(table);
    requireUniqueIds(file, table, cases);
    return new GoldenSet(file, cases);
  }

  private static RawTable read(Path file) {
    requireReadable(file);
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".xlsx")) {
      return XlsxSetReader.read(file);
    }
    if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return JsonSetReader.read(file, readText(file));
    }
    if (name.endsWith(".csv")) {
      return CsvSetReader.read(file, readText(file));
    }
    String hint = name.endsWith(".xls") ? "the old .xls format is not supported, save it as .xlsx or .csv"
        : "unknown set format, expected .json, .jsonl, .ndjson, .csv or .xlsx";
    throw InputException.inFile(file, hint);
  }

  private static void requireReadable(Path file) {
    if (!Files.exists(file)) {
      throw InputException.inFile(file, "file not found");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw InputException.inFile(file, "not a readable file");
    }
  }

  /** The file as UTF-8 text without a byte-order mark. */
  private static String readText(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (NoSuchFileException e) {
      throw InputException.inFile(file, "file not found");
    } catch (CharacterCodingException e) {
      throw InputException.inFile(file, "not valid UTF-8 text (save it as UTF-8)");
    } catch (IOException e) {
      throw InputException.inFile(file, "cannot read the file: " + e.getMessage());
    }
  }

  private static void requireUniqueIds(Path file, RawTable table, List<GoldenCase> cases) {
    Map<String, Integer> firstRow = new HashMap<>();
    for (int i = 0; i < cases.size(); i++) {
      GoldenCase c = cases.get(i);
      Integer earlier = firstRow.putIfAbsent(c.id(), i);
      if (earlier != null) {
        throw InputException.inFile(file, table.rows().get(earlier).location() + " and "
            + table.rows().get(i).location() + ": " + duplicate(c));
      }
    }
  }

  private static String duplicate(GoldenCase c) {
    if (c.id().startsWith(QuestionIds.PREFIX) && c.id().equals(QuestionIds.derive(c.question()))) {
      return "the same question twice ('" + c.question() + "', id " + c.id()
          + "); remove one, or give each row its own question_id";
    }
    return "duplicate question_id '" + c.id() + "'";
  }
}
