package dev.diaharness.optimize.opro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.agent.AgentError;
import dev.diaharness.llm.PromptTemplate;
import dev.diaharness.run.AgentAnswer;
import dev.diaharness.run.ItemResult;
import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.scoring.Evidence;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Status;
import dev.diaharness.scoring.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-question view the optimizer learns from, and the prompt resources it is rendered into. */
class TrainingEvidenceTest {
  @Test
  void failuresCarryTheirEvidenceSuccessesPassEveryRepeatAndErrorsAreNeither() {
    List<ItemResult> rows = new ArrayList<>(OproFixtures.trainRows(1));
    // tr5 fails its second repeat (flaky), tr6's failure is an agent error only
    rows.replaceAll(r -> is(r, "tr5", 2) ? noSql(r) : is(r, "tr6", 2) ? agentDown(r) : r);
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

  private static boolean is(ItemResult r, String questionId, int repeat) {
    return r.key().questionId().equals(questionId) && r.key().repeat() == repeat;
  }

  private static ItemResult noSql(ItemResult r) {
    return ItemResult.scored(r.key(), r.question(), AgentAnswer.NONE,
        Verdict.of(Outcome.FAIL, Status.NO_SQL, CategoryScores.ZERO, Evidence.of("no SQL")), r.timing());
  }

  private static ItemResult agentDown(ItemResult r) {
    return ItemResult.agentError(r.key(), r.question(), AgentAnswer.NONE,
        new AgentError(AgentError.Kind.TRANSPORT, "agent down"), r.timing());
  }
}
