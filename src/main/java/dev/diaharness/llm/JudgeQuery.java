package dev.diaharness.llm;

import dev.diaharness.scoring.ScoringInput;
import java.util.Objects;

/**
 * What the judge looks at for one answer. The schema description is the <em>current</em> config's (the Python tool
 * kept sending the initial one). Immutable.
 */
public record JudgeQuery(
    String question, String expectedSql, String generatedSql, String thoughts, String response,
    String schemaDescription) {

  public JudgeQuery {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(expectedSql, "expectedSql");
    Objects.requireNonNull(generatedSql, "generatedSql");
    if (generatedSql.isBlank()) {
      // SPEC §7: the Python tool paid a judge call for answers without SQL
      throw new IllegalArgumentException("the judge needs generated SQL; an answer without SQL is NO_SQL");
    }
    thoughts = Objects.requireNonNullElse(thoughts, "");
    response = Objects.requireNonNullElse(response, "");
    schemaDescription = Objects.requireNonNullElse(schemaDescription, "");
  }

  /**
   * The query for a scoring input that has generated SQL.
   *
   * @throws IllegalArgumentException when it has none
   */
  public static JudgeQuery of(ScoringInput input) {
    return new JudgeQuery(input.goldenCase().question(), input.goldenCase().expectedSql(),
        input.generatedSql().orElse(""), input.thoughts(), input.response(), input.schemaDescription());
  }
}
