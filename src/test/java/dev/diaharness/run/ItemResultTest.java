package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.agent.AgentError;
import dev.diaharness.agent.SqlSource;
import dev.diaharness.core.InputException;
import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.scoring.Evidence;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Status;
import dev.diaharness.scoring.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of a journal row: the verdict's status allows its outcome, and an error row says what broke. */
class ItemResultTest {
  static final ItemKey KEY = new ItemKey(2, Split.TEST, "q7", 3);
  static final AskedQuestion QUESTION = new AskedQuestion("How many orders?", "SELECT COUNT(*) FROM orders");
  static final Timing TIMING = new Timing(812, 2, Map.of("judge_input", 40L), Instant.parse("2026-03-01T12:00:00Z"));

  @TempDir Path dir;

  /** Every status with every outcome it does not allow: the row cannot be built, and a line saying so is refused. */
  @ParameterizedTest
  @EnumSource(Status.class)
  void aStatusWithAnOutcomeItDoesNotAllowIsRefused(Status status) throws Exception {
    for (Outcome outcome : Outcome.values()) {
      if (status.allows(outcome)) {
        continue;
      }
      assertThatThrownBy(() -> ItemResult.scored(KEY, QUESTION, AgentAnswer.NONE,
          new Verdict(outcome, status, 0, CategoryScores.ZERO, Evidence.of("")), TIMING))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("status " + status + " cannot have outcome " + outcome);

      String good = JournalWriter.toLine(noSql());
      String bad = good.replace("\"verdict\":\"FAIL\"", "\"verdict\":\"" + outcome + "\"")
          .replace("\"status\":\"NO_SQL\"", "\"status\":\"" + status + "\"");
      Path journal = Files.writeString(dir.resolve("journal.jsonl"), good + "\n" + bad + "\n" + good + "\n");
      assertThatThrownBy(() -> JournalReader.readAll(journal)).isInstanceOf(InputException.class)
          .hasMessageContaining(journal + " row 2")
          .hasMessageContaining("status " + status + " cannot have outcome " + outcome);
    }
  }

  @Test
  void anErrorMustFitTheVerdict() {
    Verdict pass = Verdict.of(Outcome.PASS, Status.EXACT, CategoryScores.FULL, Evidence.of("same SQL"));
    Verdict agentError = Verdict.of(Outcome.ERROR, Status.AGENT_ERROR, CategoryScores.ZERO, Evidence.of("down"));
    Verdict goldError = Verdict.of(Outcome.ERROR, Status.GOLD_ERROR, CategoryScores.ZERO, Evidence.of("no table"));
    var timeout = Optional.of(RowError.of(ErrorKind.TIMEOUT, "timed out"));

    assertThatThrownBy(() -> new ItemResult(KEY, QUESTION, AgentAnswer.NONE, pass, TIMING, timeout))
        .hasMessageContaining("only an error row can have an error");
    assertThatThrownBy(() -> ItemResult.scored(KEY, QUESTION, AgentAnswer.NONE, agentError, TIMING))
        .hasMessageContaining("needs an error and its kind");
    assertThatThrownBy(() -> new ItemResult(KEY, QUESTION, AgentAnswer.NONE, goldError, TIMING, timeout))
        .hasMessageContaining("error_kind TIMEOUT does not fit status GOLD_ERROR");
    assertThatThrownBy(() -> new ItemResult(KEY, QUESTION, AgentAnswer.NONE, agentError, TIMING,
        Optional.of(RowError.of(ErrorKind.GOLD_ERROR, "x")))).hasMessageContaining("does not fit status AGENT_ERROR");
  }

  /** Every agent failure kind becomes the error kind of the same name, kept as the enum through the journal. */
  @ParameterizedTest
  @EnumSource(AgentError.Kind.class)
  void agentErrorRowsCarryTheirKindAsTheEnum(AgentError.Kind kind) throws Exception {
    ItemResult row = ItemResult.agentError(KEY, QUESTION, new AgentAnswer(Optional.empty(), SqlSource.NONE, "", "",
        List.of(), List.of("[{\"answer\":{\"state\":\"FAILED\"}}]")), new AgentError(kind, "it broke"), TIMING);

    assertThat(row.isError()).isTrue();
    assertThat(row.verdict().status()).isEqualTo(Status.AGENT_ERROR);
    assertThat(row.verdict().evidence().summary()).isEqualTo(kind + ": it broke");
    assertThat(row.error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(ErrorKind.of(kind)).hasToString(kind.name());
      assertThat(e.message()).isEqualTo("it broke");
      assertThat(e.rawStart()).hasValue("[{\"answer\":{\"state\":\"FAILED\"}}]");
    });
    assertThat(roundTrip(row).error().map(RowError::kind)).hasValue(ErrorKind.of(kind));
    assertThat(JournalWriter.toLine(row)).contains("\"error_kind\":\"" + kind.name() + "\"");
  }

  @Test
  void errorKindsAreTheAgentKindsAndGoldError() {
    assertThat(Arrays.stream(ErrorKind.values()).map(Enum::name)).containsExactlyElementsOf(Stream.concat(
        Arrays.stream(AgentError.Kind.values()).map(Enum::name), Stream.of("GOLD_ERROR")).toList());
  }

  @Test
  void goldErrorRowsCarryGoldErrorAndTheEvidenceAsTheirMessage() {
    Verdict gold = Verdict.of(Outcome.ERROR, Status.GOLD_ERROR, CategoryScores.ZERO,
        Evidence.of("the expected SQL failed: no table orders"));
    ItemResult row = ItemResult.goldError(KEY, QUESTION, AgentAnswer.ofSql("SELECT 1", SqlSource.ANSWER), gold,
        TIMING);
    assertThat(row.error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(ErrorKind.GOLD_ERROR);
      assertThat(e.message()).isEqualTo("the expected SQL failed: no table orders");
    });
    assertThatThrownBy(() -> ItemResult.goldError(KEY, QUESTION, AgentAnswer.NONE, Verdict.of(Outcome.ERROR,
        Status.AGENT_ERROR, CategoryScores.ZERO, Evidence.of("x")), TIMING))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theStartOfTheRawStreamsIsCappedAndTheFullStreamsNeverReachTheFile() {
    String big = "x".repeat(RowError.RAW_IN_ROW + 10);
    ItemResult row = ItemResult.agentError(KEY, QUESTION, new AgentAnswer(Optional.empty(), SqlSource.NONE, "", "",
        List.of(), List.of(big)), new AgentError(AgentError.Kind.TRUNCATED, "cut"), TIMING);
    assertThat(row.error().flatMap(RowError::rawStart)).hasValue(big.substring(0, RowError.RAW_IN_ROW));
    assertThat(row.answer().rawStreams()).containsExactly(big);
    assertThat(roundTrip(row)).isEqualTo(row.withoutRawStreams());
  }

  /** Every row kind, written as its flat line and read back, is the same row; the line keeps the v2 shape. */
  @ParameterizedTest
  @MethodSource("everyRowKind")
  void everyRowKindRoundTripsThroughItsFlatLine(ItemResult row) {
    String line = JournalWriter.toLine(row);
    assertThat(line).startsWith("{\"version\":2,\"iteration\":2,\"split\":\"TEST\",\"question_id\":\"q7\",\"repeat\":3,")
        .doesNotContain("\"key\"", "\"answer\"", "\"timing\"", "null");
    ItemResult back = roundTrip(row);
    assertThat(back).isEqualTo(row);
    assertThat(JournalWriter.toLine(back)).isEqualTo(line);
  }

  static Stream<ItemResult> everyRowKind() {
    Stream<ItemResult> scored = Arrays.stream(SqlSource.values()).filter(s -> s != SqlSource.NONE).map(source ->
        ItemResult.scored(KEY, QUESTION, new AgentAnswer(Optional.of("SELECT COUNT(*) FROM orders"), source,
            "count them", "There are 12.", List.of("STATUS: running SQL"), List.of()),
            Verdict.of(Outcome.PASS, Status.EXACT, CategoryScores.FULL, Evidence.of("normalized SQL is identical")),
            TIMING));
    Verdict judged = Verdict.of(Outcome.FAIL, Status.JUDGED, new CategoryScores(20, 10, 25, 15, 10, 5),
        new Evidence("the judge says no", Map.of("rationale", "wrong year", "total", 85)));
    Verdict undecided = Verdict.of(Outcome.UNDECIDED, Status.UNSUPPORTED, CategoryScores.ZERO,
        new Evidence("ML.PREDICT cannot run", Map.of("construct", "ML.PREDICT")));
    Verdict gold = Verdict.of(Outcome.ERROR, Status.GOLD_ERROR, CategoryScores.ZERO, Evidence.of("gold failed"));
    AgentAnswer some = AgentAnswer.ofSql("SELECT 1", SqlSource.FOLLOW_UP);
    return Stream.concat(scored, Stream.of(
        ItemResult.scored(KEY, QUESTION, some, judged, TIMING),
        ItemResult.scored(KEY, QUESTION, some, undecided, TIMING),
        noSql(),
        ItemResult.agentError(KEY, QUESTION, AgentAnswer.NONE, new AgentError(AgentError.Kind.QUOTA, "429s"),
            TIMING),
        ItemResult.goldError(KEY, QUESTION, some, gold, TIMING),
        // a row written before error rows kept their raw stream
        new ItemResult(KEY, QUESTION, some, gold, TIMING, Optional.of(RowError.of(ErrorKind.GOLD_ERROR, "gone")))));
  }

  static ItemResult noSql() {
    return ItemResult.scored(KEY, QUESTION, AgentAnswer.NONE,
        Verdict.of(Outcome.FAIL, Status.NO_SQL, CategoryScores.ZERO, Evidence.of("no SQL")), TIMING);
  }

  private ItemResult roundTrip(ItemResult row) {
    try {
      Path file = Files.writeString(Files.createTempFile(dir, "eval", ".jsonl"), JournalWriter.toLine(row) + "\n");
      return JournalReader.readAll(file).get(0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
