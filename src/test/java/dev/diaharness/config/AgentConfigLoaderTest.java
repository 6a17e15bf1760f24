package dev.diaharness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.core.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentConfigLoaderTest {
  static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "dia-original");

  @TempDir Path dir;

  private Path write(String json) throws IOException {
    Path file = dir.resolve("config.json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  private AgentConfig load(String json) throws IOException {
    return AgentConfigLoader.load(write(json));
  }

  @Test
  void pythonToolBaselineLoadsUnchanged() {
    AgentConfig c = AgentConfigLoader.load(FIXTURES.resolve("baseline_config.json"));
    assertThat(c.name()).isEqualTo("baseline");
    assertThat(c.displayName()).isEqualTo("Data Agent - Baseline");
    assertThat(c.iconUri()).isEmpty();
    assertThat(c.nl2pyPrompt()).isEmpty();
    assertThat(c.nl2sqlPrompt()).startsWith("You are a specialized Data Scientist agent.")
        .endsWith("Follow BigQuery SQL syntax strictly");
    assertThat(c.schemaDescription()).startsWith("The dataset contains e-commerce data")
        .endsWith("Price per unit at time of order");
    assertThat(c.nl2sqlExamples()).hasSize(3);
    assertThat(c.nl2sqlExamples().get(2)).isEqualTo(new NlExample("What are the top 5 most expensive products?",
        "SELECT name, price FROM `dataset.products` ORDER BY price DESC LIMIT 5",
        "The top 5 most expensive products are: [product list with prices]"));
    assertThat(c.allowedTables()).isEmpty();
    assertThat(c.bqProjectId()).isEqualTo("${GOOGLE_CLOUD_PROJECT}");
    assertThat(c.bqDatasetId()).isEqualTo("${BQ_DATASET_ID}");
    assertThat(c.localData()).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "one object                       | {\"name\": \"a\"}                                           | a",
      "list with baseline               | [{\"name\": \"x\"}, {\"name\": \"baseline\"}]                 | baseline",
      "list without baseline            | [{\"name\": \"x\"}, {\"name\": \"y\"}]                        | x",
      "object with configs              | {\"configs\": [{\"name\": \"first\"}, {\"name\": \"baseline\"}]} | first",
  })
  void acceptedShapes(String shape, String json, String expectedName) throws IOException {
    assertThat(load(json).name()).as(shape).isEqualTo(expectedName);
  }

  @Test
  void camelCaseKeysAndExamplesAreAccepted() throws IOException {
    AgentConfig c = load("{\"name\": \"n\", \"displayName\": \"Shown\", \"nl2sqlPrompt\": \"P\","
        + " \"schemaDescription\": \"S\", \"toolDescription\": \"T\", \"allowedTables\": [\"t1\"],"
        + " \"nl2sqlExamples\": [{\"query\": \"q\", \"expectedSql\": \"SELECT 1\", \"expectedResponse\": \"one\"}],"
        + " \"bqProjectId\": \"p\", \"bqDatasetId\": \"d\"}");
    assertThat(c.displayName()).isEqualTo("Shown");
    assertThat(c.nl2sqlPrompt()).isEqualTo("P");
    assertThat(c.schemaDescription()).isEqualTo("S");
    assertThat(c.toolDescription()).isEqualTo("T");
    assertThat(c.allowedTables()).containsExactly("t1");
    assertThat(c.nl2sqlExamples()).containsExactly(new NlExample("q", "SELECT 1", "one"));
    assertThat(c.bqProjectId()).isEqualTo("p");
    assertThat(c.bqDatasetId()).isEqualTo("d");
  }

  @Test
  void nullsReadAsEmptyAndDisplayNameDefaults() throws IOException {
    AgentConfig c = load("{\"name\": \"sales\", \"display_name\": null, \"nl2sql_prompt\": null,"
        + " \"nl2sql_examples\": null, \"allowed_tables\": null,"
        + " \"nl2sql_examples\": [{\"query\": \"q\", \"expected_sql\": \"s\", \"expected_response\": null}]}");
    assertThat(c.displayName()).isEqualTo("Data Agent - sales");
    assertThat(c.nl2sqlPrompt()).isEmpty();
    assertThat(c.allowedTables()).isEmpty();
    assertThat(c.nl2sqlExamples()).containsExactly(new NlExample("q", "s", ""));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "schema_context appended after a blank line | {\"schema_description\": \"S\", \"params\": {\"schema_context\": \"C\"}} | S\\n\\nC | ''",
      "schema_context alone                       | {\"params\": {\"schema_context\": \"C\"}}                              | C       | ''",
      "examples appended to the prompt            | {\"nl2sql_prompt\": \"P\", \"params\": {\"examples\": [\"e1\", \"e2\"]}}   | ''      | P\\n\\nExamples:\\ne1\\ne2",
      "empty params change nothing                | {\"nl2sql_prompt\": \"P\", \"params\": {}, \"data_store_ids\": [\"ds\"]}  | ''      | P",
  })
  void legacyParamsAreMerged(String rule, String json, String schema, String prompt) throws IOException {
    AgentConfig c = load(json);
    assertThat(c.schemaDescription()).as(rule).isEqualTo(schema.replace("\\n", "\n"));
    assertThat(c.nl2sqlPrompt()).as(rule).isEqualTo(prompt.replace("\\n", "\n"));
  }

  @Test
  void localDataIsResolvedAgainstTheConfigFolder() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("configs"));
    Path file = sub.resolve("c.json");
    Files.writeString(file, "{\"name\": \"n\", \"local_data\": \"../data\"}");
    assertThat(AgentConfigLoader.load(file).localData())
        .contains(dir.resolve("data").toAbsolutePath().normalize());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "malformed JSON                 | {\"name\": \"a\",,}                          | not valid JSON at line 1, column",
      "trailing garbage               | {\"name\": \"a\"} x                          | not valid JSON at line 1",
      "empty file                     | ''                                           | the file is empty",
      "not an object or list          | 42                                           | expected a config object or a list of config objects, got a number",
      "empty list                     | []                                           | the list holds no config",
      "example not an object          | {\"nl2sql_examples\": [\"q\"]}               | field 'nl2sql_examples[0]': must be an object",
      "example without query          | {\"nl2sql_examples\": [{\"expected_sql\": \"s\"}]} | field 'nl2sql_examples[0]': has no 'query'",
      "example without SQL            | {\"nl2sql_examples\": [{\"query\": \"q\", \"expected_sql\": \"s\"}, {\"query\": \"q\"}]} | field 'nl2sql_examples[1]': has no 'expected_sql'",
      "example SQL of wrong type      | {\"nl2sql_examples\": [{\"query\": \"q\", \"expected_sql\": 3}]} | field 'nl2sql_examples[0].expected_sql': must be text, got a number",
      "examples not a list            | {\"nl2sql_examples\": {}}                    | field 'nl2sql_examples': must be a list, got an object",
      "prompt not text                | {\"nl2sql_prompt\": [\"a\"]}                 | field 'nl2sql_prompt': must be text, got a list",
      "tables not a list              | {\"allowed_tables\": \"t\"}                  | field 'allowed_tables': must be a list of text, got text",
      "table not text                 | {\"allowed_tables\": [\"t\", {}]}            | field 'allowed_tables[1]': must be text, got an object",
      "params not an object           | {\"params\": []}                             | field 'params': must be an object, got a list",
      "params.examples not a list     | {\"params\": {\"examples\": \"e\"}}          | field 'params.examples': must be a list of text",
  })
  void badConfigIsOneLineNamingFileAndField(String what, String json, String message) throws IOException {
    Path file = write(json);
    assertThatThrownBy(() -> AgentConfigLoader.load(file))
        .as(what)
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void missingFileIsNamed() {
    Path file = dir.resolve("nope.json");
    assertThatThrownBy(() -> AgentConfigLoader.load(file))
        .isInstanceOf(InputException.class).hasMessage(file + ": file not found");
  }

  @Test
  void byteOrderMarkIsFine() throws IOException {
    assertThat(load("\uFEFF{\"name\": \"bom\"}").name()).isEqualTo("bom");
    assertThat(load("{\"name\": \"a\"}").localData()).isEqualTo(Optional.empty());
  }
}
