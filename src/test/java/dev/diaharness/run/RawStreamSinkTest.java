package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.agent.AgentError;
import dev.diaharness.agent.SqlSource;
import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.scoring.Evidence;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Status;
import dev.diaharness.scoring.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawStreamSinkTest {
  @TempDir Path results;

  static ItemResult row(String questionId, Outcome outcome, List<String> streams) {
    var key = new ItemKey(1, Split.TRAIN, questionId, 2);
    var question = new AskedQuestion("q", "SELECT 1");
    var timing = Timing.of(5, 2, Instant.EPOCH);
    List<String> events = List.of("STATUS FunctionCallId_0: Generating BigQuery SQL queries starts");
    if (outcome == Outcome.ERROR) {
      var answer = new AgentAnswer(Optional.empty(), SqlSource.NONE, "", "", events, streams);
      return ItemResult.agentError(key, question, answer,
          new AgentError(AgentError.Kind.SKIPPED, "the agent SKIPPED the question"), timing);
    }
    var answer = new AgentAnswer(Optional.of("SELECT 1"), SqlSource.FOLLOW_UP, "", "", events, streams);
    return ItemResult.scored(key, question, answer, Verdict.of(outcome, Status.EXACT, CategoryScores.FULL,
        Evidence.of("same SQL")), timing);
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
      sink.accept(row("q/1", Outcome.PASS, List.of(big, "[{\"answer\":{}}]")));
    }

    Path turn1 = run.root().resolve("raw/i1_train_q_1_r2_t1.json.gz");
    assertThat(gunzip(turn1)).isEqualTo(big);
    assertThat(gunzip(run.root().resolve("raw/i1_train_q_1_r2_t2.json.gz"))).isEqualTo("[{\"answer\":{}}]");
    assertThat(passed).singleElement().satisfies(r -> assertThat(r.answer().rawStreams()).isEmpty());
    assertThat(Files.size(run.journal())).isLessThan(10_000);
    ItemResult back = JournalReader.readAll(run.journal()).get(0);
    assertThat(back.answer().toolEvents()).containsExactly("STATUS FunctionCallId_0: Generating BigQuery SQL queries starts");
    assertThat(back.answer().rawStreams()).isEmpty();
  }

  @Test
  void withoutKeepRawNothingIsSavedButAnErrorRowKeepsTheStartOfItsStream() throws IOException {
    RunDirectory run = RunDirectory.create(results, LocalDateTime.of(2026, 1, 2, 3, 4, 6));
    String raw = "[{\"answer\":{\"state\":\"SKIPPED\",\"assistSkippedReasons\":[\"NON_ASSIST_SEEKING_QUERY_IGNORED\"]}}]";
    try (JournalWriter journal = new JournalWriter(run)) {
      new RawStreamSink(journal, run, false).accept(row("q1", Outcome.ERROR, List.of(raw)));
    }

    assertThat(run.root().resolve("raw")).doesNotExist();
    ItemResult back = JournalReader.readAll(run.journal()).get(0);
    assertThat(back.error()).hasValueSatisfying(e -> {
      assertThat(e.rawStart()).hasValue(raw);
      assertThat(e.kind()).isEqualTo(ErrorKind.SKIPPED);
      assertThat(e.message()).isEqualTo("the agent SKIPPED the question");
    });
  }

  static String gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
