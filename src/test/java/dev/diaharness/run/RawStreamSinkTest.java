package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawStreamSinkTest {
  @TempDir Path results;

  static ItemResult row(String questionId, Outcome outcome, String rawStream, List<String> streams) {
    boolean error = outcome == Outcome.ERROR;
    return new ItemResult(ItemResult.CURRENT_VERSION, 1, Split.TRAIN, questionId, 2, "q", "SELECT 1",
        error ? null : "SELECT 1", error ? "NONE" : "FOLLOW_UP", "", "", outcome,
        error ? Status.AGENT_ERROR : Status.EXACT, error ? 0 : 100, null, null, 5, 2, Map.of(), Instant.EPOCH,
        error ? "the agent SKIPPED the question" : null, error ? "SKIPPED" : null,
        List.of("STATUS FunctionCallId_0: Generating BigQuery SQL queries starts"), rawStream, streams);
  }

  @Test
  void keepRawSavesEveryTurnGzippedAndTheJournalHoldsNoFullStream() throws IOException {
    RunDirectory run = RunDirectory.create(results, LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    List<ItemResult> passed = new ArrayList<>();
    String big = "[" + "x".repeat(200_000) + "]";
    try (JournalWriter journal = new JournalWriter(run)) {
      RawStreamSink sink = new RawStreamSink(r -> {
        passed.add(r);
        journal.accept(r);
      }, run, true);
      sink.accept(row("q/1", Outcome.PASS, null, List.of(big, "[{\"answer\":{}}]")));
    }

    Path turn1 = run.root().resolve("raw/i1_train_q_1_r2_t1.json.gz");
    assertThat(gunzip(turn1)).isEqualTo(big);
    assertThat(gunzip(run.root().resolve("raw/i1_train_q_1_r2_t2.json.gz"))).isEqualTo("[{\"answer\":{}}]");
    assertThat(passed).singleElement().satisfies(r -> assertThat(r.rawStreams()).isEmpty());
    assertThat(Files.size(run.journal())).isLessThan(10_000);
    ItemResult back = JournalReader.readAll(run.journal()).get(0);
    assertThat(back.toolEvents()).containsExactly("STATUS FunctionCallId_0: Generating BigQuery SQL queries starts");
    assertThat(back.rawStreams()).isEmpty();
  }

  @Test
  void withoutKeepRawNothingIsSavedButAnErrorRowKeepsTheStartOfItsStream() throws IOException {
    RunDirectory run = RunDirectory.create(results, LocalDateTime.of(2026, 1, 2, 3, 4, 6));
    String raw = "[{\"answer\":{\"state\":\"SKIPPED\",\"assistSkippedReasons\":[\"NON_ASSIST_SEEKING_QUERY_IGNORED\"]}}]";
    try (JournalWriter journal = new JournalWriter(run)) {
      new RawStreamSink(journal, run, false).accept(row("q1", Outcome.ERROR, raw, List.of(raw)));
    }

    assertThat(run.root().resolve("raw")).doesNotExist();
    ItemResult back = JournalReader.readAll(run.journal()).get(0);
    assertThat(back.rawStream()).isEqualTo(raw);
    assertThat(back.errorKind()).isEqualTo("SKIPPED");
  }

  static String gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
