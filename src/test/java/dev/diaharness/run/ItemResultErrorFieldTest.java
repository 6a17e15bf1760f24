package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.agent.AgentError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression: {@code isError()} made Jackson write {@code "error": true} and lose the error message. */
class ItemResultErrorFieldTest {
  @TempDir Path dir;

  @Test
  void errorMessageSurvivesTheJournal() throws Exception {
    ItemResult row = ItemResult.agentError(new ItemKey(1, Split.TRAIN, "q1", 1), new AskedQuestion("q", "SELECT 1"),
        AgentAnswer.NONE, new AgentError(AgentError.Kind.TIMEOUT, "timed out after 120 s"),
        Timing.of(5, 1, Instant.EPOCH));
    String line = JournalWriter.toLine(row);
    assertThat(line).contains("\"error\":\"timed out after 120 s\"").doesNotContain("\"error\":true");
    Path journal = Files.writeString(dir.resolve("journal.jsonl"), line + "\n");
    ItemResult back = JournalReader.readAll(journal).get(0);
    assertThat(back.error().map(RowError::message)).hasValue("timed out after 120 s");
    assertThat(back.isError()).isTrue();
  }
}
