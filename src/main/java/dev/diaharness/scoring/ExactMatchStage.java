package dev.diaharness.scoring;

import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.sql.SqlNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stage 2: the generated SQL equals the expected SQL (or one of its alternatives) after normalization — the
 * Python tool's string rules, or the parse-based canonical form. EXACT, PASS, full score.
 */
public final class ExactMatchStage implements ScoringStage {
  @Override
  public Optional<Verdict> decide(ScoringInput input) {
    String generated = input.generatedSql().orElseThrow();
    for (String accepted : acceptedSql(input.goldenCase())) {
      if (SqlNormalizer.exactMatch(accepted, generated)) {
        String which = accepted.equals(input.goldenCase().expectedSql()) ? "the expected SQL" : "an alternative";
        return Optional.of(Verdict.of(Outcome.PASS, Status.EXACT, CategoryScores.FULL,
            new Evidence("the SQL equals " + which + " after normalization", Map.of("matched", accepted))));
      }
    }
    return Optional.empty();
  }

  static List<String> acceptedSql(GoldenCase c) {
    List<String> all = new ArrayList<>();
    all.add(c.expectedSql());
    all.addAll(c.alternatives());
    return all;
  }
}
