package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.core.Json;
import dev.diaharness.run.GroupAccuracy;
import dev.diaharness.run.MetricsFile;
import dev.diaharness.run.SplitMetrics;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A golden set with tags and complexity gets the same breakdown whether it is JSON, CSV (tags separated by
 * semicolons, other column names) or XLSX (tags as a JSON list in the cell): the README's evaluate against the
 * embedded emulator, on eight questions of the shipped example.
 */
class TaggedSetFormatsTest {
  static final String CONFIG = "examples/ecommerce/baseline_config.json";

  @TempDir Path dir;

  private static List<JsonNode> sample() throws Exception {
    List<JsonNode> sample = new ArrayList<>();
    JsonNode all = Json.MAPPER.readTree(Path.of("examples/ecommerce/golden_set.json").toFile());
    for (int i = 0; i < all.size() && sample.size() < 8; i += 6) {
      sample.add(all.get(i));
    }
    return sample;
  }

  private static List<String> tags(JsonNode item) {
    List<String> tags = new ArrayList<>();
    item.path("tags").forEach(t -> tags.add(t.asText()));
    return tags;
  }

  private Path json(List<JsonNode> items) throws Exception {
    Path file = dir.resolve("set.json");
    Json.MAPPER.writeValue(file.toFile(), items);
    return file;
  }

  private Path csv(List<JsonNode> items) throws Exception {
    StringBuilder text = new StringBuilder("Question ID,NL Question,Expected SQL,Difficulty,Labels\n");
    for (JsonNode item : items) {
      text.append(item.path("question_id").asText()).append(",\"").append(item.path("nl_question").asText())
          .append("\",\"").append(item.path("expected_sql").asText().replace("\"", "\"\"")).append("\",")
          .append(item.path("complexity").asText()).append(",\"").append(String.join("; ", tags(item)))
          .append("\"\n");
    }
    Path file = dir.resolve("set.csv");
    Files.writeString(file, text);
    return file;
  }

  private Path xlsx(List<JsonNode> items) throws Exception {
    Path file = dir.resolve("set.xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook workbook = new Workbook(out, "dia-harness-test", "1.0");
      Worksheet sheet = workbook.newWorksheet("Sheet1");
      List<String> header = List.of("question_id", "question", "sql", "complexity", "tags");
      for (int c = 0; c < header.size(); c++) {
        sheet.value(0, c, header.get(c));
      }
      for (int r = 0; r < items.size(); r++) {
        JsonNode item = items.get(r);
        sheet.value(r + 1, 0, item.path("question_id").asText());
        sheet.value(r + 1, 1, item.path("nl_question").asText());
        sheet.value(r + 1, 2, item.path("expected_sql").asText());
        sheet.value(r + 1, 3, item.path("complexity").asText());
        sheet.value(r + 1, 4, Json.MAPPER.writeValueAsString(tags(item)));
      }
      workbook.finish();
    }
    return file;
  }

  private SplitMetrics evaluate(Path set) throws Exception {
    Path results = dir.resolve("results-" + set.getFileName());
    CliRun run = CliTestSupport.runWithEnv(Map.of(), "", "evaluate", "--embedded", "--config-file", CONFIG,
        "--golden-set", set.toString(), "--num-repeats", "1", "--results-dir", results.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("weakest tags, train");
    try (var runs = Files.list(results)) {
      Path runDir = runs.filter(p -> p.getFileName().toString().startsWith("run_")).findFirst().orElseThrow();
      return Json.MAPPER.readValue(runDir.resolve("metrics.json").toFile(), MetricsFile.class).iterations().get(0)
          .train();
    }
  }

  @Test
  void jsonCsvAndXlsxSetsGetTheSameBreakdown() throws Exception {
    List<JsonNode> items = sample();
    SplitMetrics fromJson = evaluate(json(items));
    Map<String, GroupAccuracy> byTag = fromJson.groups().byTag();
    assertThat(byTag).containsKey("seen_shape");
    assertThat(byTag.get("seen_shape").questions()).isEqualTo(items.size());
    assertThat(byTag.keySet()).contains(tags(items.get(0)).get(0), tags(items.get(7)).get(0));
    assertThat(fromJson.groups().byComplexity()).isNotEmpty();
    for (Path other : List.of(csv(items), xlsx(items))) {
      SplitMetrics m = evaluate(other);
      assertThat(m.groups().byTag()).as(other.getFileName().toString()).isEqualTo(byTag);
      assertThat(m.groups()).as(other.getFileName().toString()).isEqualTo(fromJson.groups());
    }
  }
}
