package dev.diaharness.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises the files that users keep beside their tables but that are not tables: golden/test sets and agent
 * configs. The Python tool's {@code data/} folder mixes them with the NDJSON tables, and such a folder must load.
 * Looks only at the first few kilobytes. Stateless.
 */
final class NonTableFiles {
  private static final int PEEK_BYTES = 4096;
  /** a question-set header/key next to a SQL one, or a config's prompt key */
  private static final Pattern QUESTION_SET = Pattern.compile(
      "(?is)(nl_question|\"question\"|^question,|,question[,\\r\\n]).*(expected_sql|\"sql\"|,sql[,\\r\\n])"
          + "|(expected_sql|,sql,).*(nl_question|question)");
  private static final Pattern CONFIG = Pattern.compile("(?i)\"(nl2sql_prompt|schema_description|configs)\"\\s*:");

  private NonTableFiles() {}

  static boolean isQuestionSetOrConfig(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet")) {
      return false;
    }
    String head = peek(file);
    return CONFIG.matcher(head).find() || QUESTION_SET.matcher(head).find();
  }

  private static String peek(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(PEEK_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return ""; // unreadable: let the loader report it with the file name
    }
  }
}
