package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.scoring.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows resume reuses come from one read of the journal plus the rows written since, not from a read of the whole
 * journal per iteration.
 */
class JournaledRowsTest {
  @TempDir Path temp;

  private final Random random = new Random(3);

  private ItemResult row(int iteration, String id, int repeat, Status status) {
    ItemResult r = RandomRows.row(id, repeat, status, random);
    return new ItemResult(new ItemKey(iteration, r.key().split(), r.key().questionId(), r.key().repeat()),
        r.question(), r.answer(), r.verdict(), r.timing(), r.error());
  }

  @Test
  void theJournalIsReadOnceAndRowsWrittenSinceAreAddedAsTheyGo() throws Exception {
    RunDirectory run = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    ItemResult old1 = row(1, "a", 1, Status.EXACT);
    ItemResult old2 = row(2, "a", 1, Status.NO_SQL);
    ItemResult old2Retry = row(2, "a", 1, Status.EXACT);
    try (JournalWriter journal = new JournalWriter(run)) {
      journal.accept(old1);
      journal.accept(old2);
      journal.accept(old2Retry);
    }
    try (JournalWriter journal = new JournalWriter(run)) {
      JournaledRows rows = new JournaledRows(run.journal(), journal);

      assertThat(rows.of(2)).containsOnly(entry(old2Retry)); // the row that counts; iteration 1 is not held
      Files.writeString(run.journal(), ""); // not read again: what it held for later iterations is kept
      ItemResult written = row(2, "b", 1, Status.EXACT);
      rows.accept(written);
      assertThat(rows.of(2)).containsOnly(entry(old2Retry), entry(written));
      ItemResult failedRetry = row(2, "b", 1, Status.AGENT_ERROR);
      rows.accept(failedRetry);
      assertThat(rows.of(2)).containsOnly(entry(old2Retry), entry(written)); // an error keeps the answer

      ItemResult next = row(3, "a", 1, Status.EXACT);
      assertThat(rows.of(3)).isEmpty();
      rows.accept(next);
      assertThat(rows.of(3)).containsOnly(entry(next));
      // an earlier iteration asked again is read again: the journal now holds what was written since the truncation
      assertThat(rows.of(2)).containsOnly(entry(written));
    }
  }

  private static java.util.Map.Entry<ItemKey, ItemResult> entry(ItemResult row) {
    return java.util.Map.entry(row.key(), row);
  }
}
