package dev.diaharness.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import dev.diaharness.testing.Gen;
import dev.diaharness.testing.SeededTest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigJsonTest {
  @TempDir Path dir;

  @Test
  void baselineRoundTrips() {
    AgentConfig baseline = AgentConfigLoader.load(AgentConfigLoaderTest.FIXTURES.resolve("baseline_config.json"));
    Path file = dir.resolve("out/config.json");
    AgentConfigJson.write(file, baseline);
    assertThat(AgentConfigLoader.load(file)).isEqualTo(baseline);
  }

  @Test
  void writesThePythonToolsSnakeCaseKeysAndARelativeLocalData() throws IOException {
    AgentConfig c = new AgentConfig("n", "D", "desc", "", "tool", "P", "S",
        List.of(new NlExample("q", "SELECT 1", "r")), "", List.of("t"), List.of(), "${GOOGLE_CLOUD_PROJECT}", "d",
        Optional.of(dir.resolve("data").toAbsolutePath()));
    Path file = dir.resolve("configs/c.json");
    AgentConfigJson.write(file, c);
    JsonNode json = Json.MAPPER.readTree(Files.readString(file));
    assertThat(json.fieldNames()).toIterable().containsExactly("name", "display_name", "description", "icon_uri",
        "tool_description", "nl2sql_prompt", "nl2py_prompt", "schema_description", "nl2sql_examples",
        "allowed_tables", "blocked_tables", "bq_project_id", "bq_dataset_id", "local_data");
    assertThat(json.get("icon_uri").isNull()).isTrue();
    assertThat(json.get("nl2sql_examples").get(0).fieldNames()).toIterable()
        .containsExactly("query", "expected_sql", "expected_response");
    assertThat(json.get("local_data").asText()).isEqualTo("../data");
    assertThat(json.get("bq_project_id").asText()).isEqualTo("${GOOGLE_CLOUD_PROJECT}");
    assertThat(AgentConfigLoader.load(file)).isEqualTo(c);
  }

  @SeededTest(cases = 100)
  void anyConfigRoundTrips(long seed) throws IOException {
    AgentConfig c = config(new Random(seed));
    Path folder = Files.createTempDirectory(dir, "roundtrip");
    Path file = folder.resolve("c.json");
    AgentConfigJson.write(file, c.withLocalData(c.localData().map(p -> folder.resolve(p).normalize())));
    AgentConfig back = AgentConfigLoader.load(file);
    assertThat(back).isEqualTo(c.withLocalData(c.localData().map(p -> folder.resolve(p).normalize())));
    assertThat(ConfigHash.of(back)).isEqualTo(ConfigHash.of(c));
  }

  static AgentConfig config(Random random) {
    List<NlExample> examples = Gen.listOf(random, 0, 3,
        () -> new NlExample("x" + text(random), "x" + text(random), text(random)));
    List<String> allowed = Gen.listOf(random, 0, 3,
        () -> Gen.stringOf(random, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 1, 8));
    Optional<Path> data = random.nextBoolean() ? Optional.empty()
        : Optional.of(Path.of(Gen.oneOf(random, "data", "../tables", "a/b")));
    return new AgentConfig(text(random), text(random), "d", "", "t", text(random), text(random), examples,
        text(random), allowed, List.of(), text(random), "${BQ_DATASET_ID}", data);
  }

  /** Whole characters only: a lone surrogate cannot be in a UTF-8 file. */
  static String text(Random random) {
    return Gen.stringOf(random, "abc XYZ\n\t\"'\\${}_é€ü", 0, 40);
  }
}
