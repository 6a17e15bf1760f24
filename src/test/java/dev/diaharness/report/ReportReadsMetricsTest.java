package dev.diaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.core.Json;
import dev.diaharness.report.fixture.RunFixtureGenerator;
import dev.diaharness.run.RunDirectory;
import dev.diaharness.run.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report shows the per-question numbers the run wrote in {@code metrics.json} ({@code per_question}), not a
 * recount of the rows; a file written before {@code per_question} existed gives the same report as one with it.
 */
class ReportReadsMetricsTest {
  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {RunFixtureGenerator.OPTIMIZE_RUN, RunFixtureGenerator.EVALUATE_RUN})
  void everyQuestionRowOfTheReportEqualsMetricsJson(String run) throws IOException {
    RunDirectory dir = RunFixtures.copy(run, temp);
    JsonNode metrics = Json.MAPPER.readTree(dir.metricsFile().toFile());

    List<List<String>> shown = questionRows(markdown(dir));

    List<List<String>> expected = new ArrayList<>();
    for (JsonNode iteration : metrics.get("iterations")) {
      for (String split : List.of("train", "test")) {
        JsonNode perQuestion = iteration.path(split).path("per_question");
        List<String> ids = new ArrayList<>();
        perQuestion.fieldNames().forEachRemaining(ids::add);
        ids.sort(NaturalOrder.INSTANCE);
        for (String id : ids) {
          JsonNode q = perQuestion.get(id);
          List<String> statuses = new ArrayList<>();
          q.get("statuses").fields().forEachRemaining(e -> statuses.add(e.getKey() + "×" + e.getValue().asInt()));
          expected.add(escaped(split, id, q.get("question").asText(), q.get("passes").asInt() + "/"
              + q.get("repeats").asInt(), String.format(Locale.ROOT, "%.1f%%", 100.0 * q.get("passes").asInt()
              / q.get("repeats").asInt()), String.join(", ", statuses)));
        }
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(shown).isEqualTo(expected);
  }

  @Test
  void theReportShowsWhatMetricsJsonSaysNotARecountOfTheRows() throws IOException {
    RunDirectory dir = RunFixtures.optimizeRun(temp);
    ObjectNode metrics = (ObjectNode) Json.MAPPER.readTree(dir.metricsFile().toFile());
    ObjectNode tr3 = (ObjectNode) metrics.get("iterations").get(0).get("train").get("per_question").get("tr3");
    assertThat(tr3.get("passes").asInt()).isZero(); // the rows say: never passed
    tr3.put("passes", 1);
    tr3.putObject("statuses").put("EXACT", 1).put("COUNTEREXAMPLE", 2);
    Json.MAPPER.writeValue(dir.metricsFile().toFile(), metrics);

    List<List<String>> shown = questionRows(markdown(dir));

    assertThat(shown).contains(escaped("train", "tr3", "Which customers placed more than two orders?", "1/3",
        "33.3%", "EXACT×1, COUNTEREXAMPLE×2"));
  }

  /** The reader's upgrade step: per_question folded from the rows gives the very report the run's file gives. */
  @ParameterizedTest
  @ValueSource(strings = {RunFixtureGenerator.OPTIMIZE_RUN, RunFixtureGenerator.EVALUATE_RUN})
  void filesWrittenBeforePerQuestionGiveTheSameReport(String run) throws IOException {
    RunDirectory current = RunFixtures.copy(run, temp.resolve("current"));
    RunDirectory old = RunFixtures.copy(run, temp.resolve("old"));
    for (Path file : versionedJson(old)) {
      ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(file.toFile());
      tree.put("version", 1);
      tree.findParents("per_question").forEach(parent -> ((ObjectNode) parent).remove("per_question"));
      Json.MAPPER.writeValue(file.toFile(), tree);
      assertThat(Files.readString(file)).doesNotContain("per_question");
    }

    RunRecord fromOld = RunReader.read(old);
    RunRecord fromCurrent = RunReader.read(current);
    for (int i = 0; i < fromCurrent.iterations().size(); i++) {
      for (Split split : Split.values()) {
        assertThat(fromOld.iterations().get(i).questions(split)).as("iteration %d %s", i + 1, split)
            .isEqualTo(fromCurrent.iterations().get(i).questions(split));
      }
    }
    assertThat(markdown(old)).isEqualTo(markdown(current));
  }

  /** Cells as the Markdown writer escapes them. */
  private static List<String> escaped(String... cells) {
    return Stream.of(cells).map(MarkdownWriter::inline).toList();
  }

  private static List<Path> versionedJson(RunDirectory dir) throws IOException {
    try (Stream<Path> files = Files.list(dir.root())) {
      return files.filter(p -> p.getFileName().toString().matches("(metrics|trajectory_history_.*)\\.json"))
          .toList();
    }
  }

  private static String markdown(RunDirectory dir) throws IOException {
    return Files.readString(ReportService.write(dir).markdown());
  }

  /** The cells of every per-question table of the Markdown report, as written (escaped). */
  private static List<List<String>> questionRows(String md) {
    List<List<String>> rows = new ArrayList<>();
    Iterator<String> lines = md.lines().iterator();
    while (lines.hasNext()) {
      if (!lines.next().startsWith("| split | id | question | passed | pass rate | statuses |")) {
        continue;
      }
      lines.next(); // | --- |
      String line;
      while (lines.hasNext() && (line = lines.next()).startsWith("| ")) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(2, line.length() - 2).split(" \\| ", -1)) {
          cells.add(cell);
        }
        rows.add(cells);
      }
    }
    return rows;
  }
}
