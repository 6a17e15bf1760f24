package dev.diaharness.optimize.opro;

import dev.diaharness.llm.PromptTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.run.ItemResult;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-question view the optimizer learns from, and the prompt resources it is rendered into. */
class TrainingEvidenceTest {
  @Test
  void failuresCarryTheirEvidenceSuccessesPassEveryRepeatAndErrorsAreNeither() {
    List<ItemResult> rows = new ArrayList<>(OproFixtures.trainRows(1));
    // tr5 fails its second repeat (flaky), tr6's failure is an agent error only
    rows.replaceAll(r -> r.questionId().equals("tr5") && r.repeat() == 2 ? fail(r, Outcome.FAIL, Status.NO_SQL)
        : r.questionId().equals("tr6") && r.repeat() == 2 ? fail(r, Outcome.ERROR, Status.AGENT_ERROR) : r);
    TrainingEvidence ev = TrainingEvidence.of(rows);

    assertThat(ev.failures()).extracting(FailedQuestion::questionId).containsExactly("tr1", "tr2", "tr3", "tr4", "tr5");
    assertThat(ev.failures().get(0).details()).containsKey("rationale");
    assertThat(ev.failures().get(4).status()).isEqualTo("NO_SQL");
    assertThat(ev.successes()).extracting(TrainingEvidence.PassedQuestion::questionId)
        .doesNotContain("tr5", "tr6").contains("tr7");
    assertThat(ev.passedByMajority("tr5")).isTrue();   // one of two repeats: half counts
    assertThat(ev.passedByMajority("tr1")).isFalse();
  }

  @Test
  void everyPromptResourceHasAVersionASystemPartAndAJsonSchema() {
    for (String name : List.of("opro-analysis", "opro-improvement")) {
      PromptTemplate t = PromptTemplate.load("/dev/diaharness/optimize/" + name);
      assertThat(t.version()).startsWith(name + "-v");
      assertThat(t.system()).isNotBlank();
      assertThat(t.schema().path("type").asText()).isEqualTo("object");
    }
  }

  private static ItemResult fail(ItemResult r, Outcome outcome, Status status) {
    return new ItemResult(r.version(), r.iteration(), r.split(), r.questionId(), r.repeat(), r.question(),
        r.expectedSql(), null, "NONE", "", "", outcome, status, 0, null, null, 1, 1, null, r.timestamp(),
        outcome == Outcome.ERROR ? "agent down" : null, outcome == Outcome.ERROR ? "UNAVAILABLE" : null);
  }
}
