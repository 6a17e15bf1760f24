package dev.diaharness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the JSON-lines input of {@code score --pairs}: one object per line with {@code expected_sql} and
 * {@code generated_sql} (text; {@code null} or empty = no SQL), optional {@code question} and {@code question_id};
 * other fields are ignored and blank lines skipped. A bad line is an {@link InputException} naming the file and line.
 * Stateless.
 */
final class ScorePairsReader {
  private ScorePairsReader() {}

  static List<ScorePair> read(Path file) {
    List<String> lines = readLines(file);
    List<ScorePair> pairs = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        pairs.add(parse(file, i + 1, lines.get(i), pairs.size() + 1));
      }
    }
    if (pairs.isEmpty()) {
      throw InputException.inFile(file, "no pairs (expected one JSON object per line with expected_sql and "
          + "generated_sql)");
    }
    return pairs;
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw InputException.inFile(file, "file not found");
    } catch (CharacterCodingException e) {
      throw InputException.inFile(file, "not UTF-8 text");
    } catch (IOException e) {
      throw InputException.inFile(file, "cannot read the file: " + e.getMessage());
    }
  }

  private static ScorePair parse(Path file, int line, String text, int number) {
    JsonNode node;
    try {
      node = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
    } catch (JsonProcessingException e) {
      throw bad(file, line, "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw bad(file, line, "not a JSON object");
    }
    String expected = text(file, line, node, "expected_sql", true)
        .filter(sql -> !sql.isBlank())
        .orElseThrow(() -> bad(file, line, "empty 'expected_sql'"));
    String generated = text(file, line, node, "generated_sql", true).orElse("");
    return new ScorePair(number, expected, generated, text(file, line, node, "question", false),
        questionId(file, line, node));
  }

  /** A text field; {@code required} means the key must be present (its value may be null). */
  private static Optional<String> text(Path file, int line, JsonNode node, String field, boolean required) {
    JsonNode value = node.get(field);
    if (value == null) {
      if (required) {
        throw bad(file, line, "has no '" + field + "'");
      }
      return Optional.empty();
    }
    if (value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw bad(file, line, "field '" + field + "' must be text, got " + value.getNodeType().name().toLowerCase());
    }
    return Optional.of(value.asText());
  }

  /** Text, or a number written without quotes. */
  private static Optional<String> questionId(Path file, int line, JsonNode node) {
    JsonNode value = node.get("question_id");
    if (value != null && value.isIntegralNumber()) {
      return Optional.of(value.asText());
    }
    return text(file, line, node, "question_id", false).filter(id -> !id.isBlank());
  }

  private static InputException bad(Path file, int line, String what) {
    return new InputException(file + " line " + line + ": " + what);
  }
}
