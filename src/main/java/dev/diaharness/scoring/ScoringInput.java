package dev.diaharness.scoring;

import dev.diaharness.dataset.GoldenCase;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a scoring stage may look at for one answer.
 *
 * @param schemaDescription the <em>current</em> config's schema description (for the judge)
 */
public record ScoringInput(
    GoldenCase goldenCase, Optional<String> generatedSql, String thoughts, String response, String schemaDescription) {
  public ScoringInput {
    Objects.requireNonNull(goldenCase, "goldenCase");
    generatedSql = generatedSql == null ? Optional.empty() : generatedSql.filter(sql -> !sql.isBlank());
    thoughts = Objects.requireNonNullElse(thoughts, "");
    response = Objects.requireNonNullElse(response, "");
    schemaDescription = Objects.requireNonNullElse(schemaDescription, "");
  }
}
