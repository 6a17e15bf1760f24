package dev.diaharness.dataset;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One question of a golden or test set with the SQL that answers it (SPEC §2.2).
 *
 * @param id           given {@code question_id}, else a stable id derived from the question text
 * @param alternatives other SQL that also answers the question
 * @param orderMatters the item says row order matters even if the expected SQL does not order at top level
 * @param tags         labels to break results down by (e.g. the kind of question); none gives no breakdown
 * @param attributes   optional descriptive fields kept as text: {@code complexity}, {@code expected_result_type},
 *                     {@code sql_pattern}
 */
public record GoldenCase(
    String id,
    String question,
    String expectedSql,
    List<String> alternatives,
    boolean orderMatters,
    List<String> tags,
    Map<String, String> attributes) {

  public GoldenCase {
    Objects.requireNonNull(id, "question_id");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(expectedSql, "expected_sql");
    alternatives = List.copyOf(Objects.requireNonNullElse(alternatives, List.of()));
    tags = List.copyOf(Objects.requireNonNullElse(tags, List.of()));
    attributes = Map.copyOf(Objects.requireNonNullElse(attributes, Map.of()));
  }

  /** The {@code complexity} attribute (e.g. Simple, Medium, Complex), when the set gives one. */
  public Optional<String> complexity() {
    return Optional.ofNullable(attributes.get("complexity"));
  }

  /** A case with only the required fields. */
  public static GoldenCase of(String id, String question, String expectedSql) {
    return new GoldenCase(id, question, expectedSql, List.of(), false, List.of(), Map.of());
  }
}
