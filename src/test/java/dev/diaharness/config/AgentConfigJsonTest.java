package dev.diaharness.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

  @Property(tries = 60)
  void anyConfigRoundTrips(@ForAll("configs") AgentConfig c) throws IOException {
    Path folder = Files.createTempDirectory("roundtrip");
    try {
      Path file = folder.resolve("c.json");
      AgentConfigJson.write(file, c.withLocalData(c.localData().map(p -> folder.resolve(p).normalize())));
      AgentConfig back = AgentConfigLoader.load(file);
      assertThat(back).isEqualTo(c.withLocalData(c.localData().map(p -> folder.resolve(p).normalize())));
      assertThat(ConfigHash.of(back)).isEqualTo(ConfigHash.of(c));
    } finally {
      Files.deleteIfExists(folder.resolve("c.json"));
      Files.deleteIfExists(folder);
    }
  }

  @Provide
  Arbitrary<AgentConfig> configs() {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40) // whole characters: lone surrogates cannot be in a UTF-8 file
        .withChars("abc XYZ\n\t\"'\\${}_é€ü".toCharArray());
    Arbitrary<String> nonBlank = text.map(s -> "x" + s);
    Arbitrary<NlExample> example = Combinators.combine(nonBlank, nonBlank, text).as(NlExample::new);
    Arbitrary<List<NlExample>> examples = example.list().ofMaxSize(3);
    Arbitrary<List<String>> tables = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).list().ofMaxSize(3);
    Arbitrary<Optional<Path>> data = Arbitraries.of("data", "../tables", "a/b").map(Path::of).optional();
    return Combinators.combine(text, text, text, text, text, text, examples, tables).as(
        (name, display, prompt, schema, py, project, ex, allowed) -> new AgentConfig(name, display, "d", "", "t",
            prompt, schema, ex, py, allowed, List.of(), project, "${BQ_DATASET_ID}", Optional.<Path>empty()))
        .flatMap(c -> data.map(c::withLocalData));
  }
}
