package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed after a row reached the journal but before it reached its eval file: the resume takes the row
 * as finished (it is in the journal) and never asks it again, so re-opening the run copies it to the eval file.
 */
class KillBetweenJournalAndEvalFileTest {
  @TempDir Path temp;

  @Test
  void aRowOnlyTheJournalHoldsIsCopiedToItsEvalFileWhenTheRunIsOpenedAgain() throws Exception {
    RunDirectory run = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    var options = new RunOptions(2, 2, Optional.empty(), Duration.ofSeconds(30), false);
    var specs = List.of(new EvaluationSpec(1, Split.TRAIN, EvaluationEngineTest.cases("tr", 3), ""),
        new EvaluationSpec(1, Split.TEST, EvaluationEngineTest.cases("te", 2), ""));
    try (JournalWriter journal = new JournalWriter(run)) {
      new EvaluationEngine(new EvaluationEngineTest.ScriptedAgent(), EvaluationEngineTest.EQUALITY,
          new TrafficControl(Optional.empty(), 100, Ticker.SYSTEM), options, journal, RunListener.NONE,
          Clock.systemUTC()).run(1, specs, Map.of());
    }
    Path train = run.evalFile(1, Split.TRAIN);
    Path test = run.evalFile(1, Split.TEST);
    List<String> trainLines = Files.readAllLines(train);
    List<String> testLines = Files.readAllLines(test);
    // the kill: the last training row never reached its eval file, the last test row only in part
    Files.write(train, trainLines.subList(0, trainLines.size() - 1), StandardCharsets.UTF_8);
    String lastTest = testLines.get(testLines.size() - 1);
    List<String> cut = new ArrayList<>(testLines.subList(0, testLines.size() - 1));
    Files.write(test, cut, StandardCharsets.UTF_8);
    Files.writeString(test, lastTest.substring(0, lastTest.length() / 2), StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    List<String> journalLines = Files.readAllLines(run.journal());

    new JournalWriter(run).close();

    assertThat(Files.readAllLines(run.journal())).as("the journal is left as it was").isEqualTo(journalLines);
    assertThat(JournalReader.latestByKey(train)).hasSize(6)
        .isEqualTo(JournalReader.latestByKey(run.journal()).entrySet().stream()
            .filter(e -> e.getKey().split() == Split.TRAIN)
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    assertThat(Files.readAllLines(train)).as("nothing written twice").hasSize(6);
    assertThat(Files.readAllLines(test)).hasSize(4).containsAll(testLines);
    new JournalWriter(run).close();
    assertThat(Files.readAllLines(train)).as("a consistent run is left alone").hasSize(6);
  }
}
