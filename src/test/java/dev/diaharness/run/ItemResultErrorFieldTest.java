package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.core.Json;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Status;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Regression: {@code isError()} made Jackson write {@code "error": true} and lose the error message. */
class ItemResultErrorFieldTest {
  @Test
  void errorMessageSurvivesTheJournal() throws Exception {
    ItemResult row = new ItemResult(1, 1, Split.TRAIN, "q1", 1, "q", "SELECT 1", null, "NONE", "", "",
        Outcome.ERROR, Status.AGENT_ERROR, 0, null, null, 5, 1, Map.of(), Instant.EPOCH, "timed out after 120 s",
        "TIMEOUT");
    String line = JournalWriter.toLine(row);
    assertThat(line).contains("\"error\":\"timed out after 120 s\"").doesNotContain("\"error\":true");
    ItemResult back = Json.MAPPER.readValue(line, ItemResult.class);
    assertThat(back.error()).isEqualTo("timed out after 120 s");
    assertThat(back.isError()).isTrue();
  }
}
