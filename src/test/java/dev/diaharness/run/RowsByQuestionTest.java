package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.scoring.Status;
import dev.diaharness.testing.Gen;
import dev.diaharness.testing.SeededTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one group-by-question: one row per key — the one the journal reader keeps —, repeats in order, questions in
 * the order they first appear (or the given order).
 */
class RowsByQuestionTest {
  @TempDir Path temp;

  private static final Random ANY = new Random(7);

  @Test
  void questionsKeepTheirFirstAppearanceAndRepeatsAreSorted() {
    ItemResult b2 = RandomRows.row("b", 2, Status.EXACT, ANY);
    ItemResult a1 = RandomRows.row("a", 1, Status.NO_SQL, ANY);
    ItemResult b1 = RandomRows.row("b", 1, Status.EXACT, ANY);
    ItemResult q10 = RandomRows.row("q10", 1, Status.EXACT, ANY);
    ItemResult q2 = RandomRows.row("q2", 1, Status.EXACT, ANY);

    Map<String, List<ItemResult>> grouped = RowsByQuestion.of(List.of(b2, a1, q10, b1, q2));

    assertThat(grouped.keySet()).containsExactly("b", "a", "q10", "q2");
    assertThat(grouped.get("b")).containsExactly(b1, b2);
    assertThat(RowsByQuestion.of(List.of(b2, a1, q10, b1, q2), Comparator.naturalOrder()).keySet())
        .containsExactly("a", "b", "q10", "q2");
  }

  @Test
  void aLaterRowOfAKeyReplacesTheEarlierOneExceptAnErrorOverAnAnswer() {
    ItemResult failed = RandomRows.row("a", 1, Status.EXEC_MISMATCH, ANY);
    ItemResult passed = RandomRows.row("a", 1, Status.EXACT, ANY);
    ItemResult error = RandomRows.row("a", 1, Status.AGENT_ERROR, ANY);

    assertThat(RowsByQuestion.of(List.of(failed, passed)).get("a")).containsExactly(passed);
    assertThat(RowsByQuestion.of(List.of(passed, error)).get("a")).containsExactly(passed);
    assertThat(RowsByQuestion.of(List.of(error, failed)).get("a")).containsExactly(failed);
  }

  /** Grouping a journal read raw keeps, per key, the row the journal reader keeps: the same rule in both places. */
  @SeededTest(cases = 40)
  void groupingRawRowsAgreesWithTheJournalReader(long seed) throws Exception {
    Random random = new Random(seed);
    List<ItemResult> rows = new ArrayList<>(RandomRows.of(seed));
    List<ItemResult> retries = new ArrayList<>();
    rows.forEach(r -> {
      if (random.nextInt(3) == 0) {
        retries.add(RandomRows.row(r.key().questionId(), r.key().repeat(), Gen.oneOf(random, Status.values()), random));
      }
    });
    rows.addAll(retries);
    Collections.shuffle(rows, random);
    Path journal = temp.resolve("eval.jsonl");
    StringBuilder lines = new StringBuilder();
    for (ItemResult r : rows) {
      lines.append(JournalWriter.toLine(r)).append('\n');
    }
    Files.writeString(journal, lines, StandardCharsets.UTF_8);

    Map<String, List<ItemResult>> grouped = RowsByQuestion.of(rows);
    Map<String, List<ItemResult>> fromJournal = RowsByQuestion.of(JournalReader.latestByKey(journal).values());

    assertThat(grouped).isEqualTo(fromJournal);
    grouped.values().forEach(list -> assertThat(list).isSortedAccordingTo(Comparator.comparingInt(
        (ItemResult r) -> r.key().repeat())).extracting(r -> r.key().repeat()).doesNotHaveDuplicates());
  }
}
