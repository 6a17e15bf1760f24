package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.cli.CliTestSupport.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidateCommandTest {
  private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "dia-original");
  private static final String CONFIG = FIXTURES.resolve("baseline_config.json").toString();
  /** the Python tool's folder as it is: its four NDJSON tables beside its golden sets and config */
  private static final String TABLES = FIXTURES.toString();
  private static final String GOOD_SET = FIXTURES.resolve("golden_set.json").toString();

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"golden_set.json, 5", "golden_set.csv, 5", "debug_set.json, 1"})
  void pythonToolInputsPass(String set, int queries) {
    CliRun run = CliTestSupport.run("validate", "--config-file", CONFIG, "--golden-set",
        FIXTURES.resolve(set).toString(), "--data", TABLES);
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("expected SQL on the local data: " + queries + " of " + queries + " quer")
        .doesNotContain("FAILS")
        .contains("config: " + CONFIG)
        .containsPattern("name:\\s+baseline")
        .containsPattern("display name:\\s+Data Agent - Baseline")
        .containsPattern("nl2sql_prompt:\\s+\\d+ chars")
        .containsPattern("schema_description:\\s+\\d+ chars")
        .containsPattern("nl2sql_examples:\\s+3")
        .contains("golden set: " + FIXTURES.resolve(set))
        .containsPattern("customers\\s+100 rows")
        .containsPattern("order_items\\s+1476 rows")
        .containsPattern("orders\\s+500 rows")
        .containsPattern("products\\s+50 rows")
        .contains("OK: the inputs load");
  }

  /**
   * The Python tool's test set asks for customers by {@code state}, a column its own tables do not have: reported by
   * question, with the engine's reason, and exit 1 (not a crash, not an input error).
   */
  @Test
  void pythonToolTestSetFilteringOnAMissingColumnIsReportedByQuestion() {
    CliRun run = CliTestSupport.run("validate", "--config-file", CONFIG, "--golden-set",
        FIXTURES.resolve("test_set.csv").toString(), "--data", TABLES);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.GATE_FAILED.code());
    assertThat(run.out())
        .containsPattern("products\\s+50 rows")
        .contains("expected SQL on the local data: 4 of 5 queries run and return rows")
        .contains("  FAILS golden set q_e86685188ba7 'List all customers from California.': fails: Binder Error: "
            + "Referenced column \"state\" not found")
        .doesNotContain("OK:");
    assertThat(run.out().lines().filter(line -> line.contains("FAILS"))).hasSize(1);
    assertThat(run.err().lines()).containsExactly(
        "validate: 1 expected SQL query fails or returns no rows on the local data (listed above)");
  }

  @Test
  void trainAndTestAreBothReportedWithTheirIds() {
    CliRun run = CliTestSupport.run("validate", "--config-file", CONFIG, "--golden-set", GOOD_SET,
        "--test-set", FIXTURES.resolve("test_set.csv").toString(), "--data", TABLES);
    assertThat(run.exitCode()).isEqualTo(ExitCode.GATE_FAILED.code());
    assertThat(run.out())
        .contains("golden set: " + GOOD_SET + ": 5 questions")
        .contains("de697cb0-01f7-4204-945a-9fab5c659672")
        .contains("test set: " + FIXTURES.resolve("test_set.csv") + ": 5 questions")
        .contains("expected SQL on the local data: 9 of 10 queries run and return rows")
        .contains("  FAILS test set q_e86685188ba7 'List all customers from California.'")
        .doesNotContain("leakage");
  }

  @Test
  void expectedSqlThatReturnsNothingOrIsRefusedIsListedAndUnsupportedIsAWarning() throws IOException {
    Path set = write("s.json", "["
        + "{\"question_id\": \"empty\", \"question\": \"Q1\", \"sql\": \"SELECT name FROM `d.products` WHERE price < 0\"},"
        + "{\"question_id\": \"dml\", \"question\": \"Q2\", \"sql\": \"DELETE FROM products\"},"
        + "{\"question_id\": \"fine\", \"question\": \"Q3\", \"sql\": \"SELECT 1\","
        + " \"alternatives\": [\"SELECT 1 FROM `d.nothing`\"]},"
        + "{\"question_id\": \"geo\", \"question\": \"Q4\", \"sql\": \"SELECT ST_GEOGPOINT(1, 2)\"}]");
    CliRun run = CliTestSupport.run("validate", "--config-file", CONFIG, "--golden-set", set.toString(),
        "--data", TABLES);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.GATE_FAILED.code());
    assertThat(run.out())
        .contains("expected SQL on the local data: 2 of 5 queries run and return rows")
        .contains("  FAILS golden set empty 'Q1': returns no rows")
        .contains("  FAILS golden set dml 'Q2': refused by the sandbox")
        .contains("  FAILS golden set fine (alternative 1) 'Q3': fails: Catalog Error: Table with name nothing")
        .contains("WARNING: golden set geo 'Q4': the expected SQL cannot be run locally: uses ST_");
    assertThat(run.err()).contains("validate: 3 expected SQL queries fail or return no rows");
  }

  @Test
  void leakageBetweenTrainAndTestIsAWarning() {
    CliRun run = CliTestSupport.run("validate", "--config-file", CONFIG, "--golden-set",
        FIXTURES.resolve("golden_set.csv").toString(), "--test-set", FIXTURES.resolve("debug_set.json").toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsPattern("WARNING: 1 question of the test set is also in the golden set \\(leakage")
        .contains("'How many customers are there?'")
        .contains("data: none");
  }

  @Test
  void unsetPlaceholderIsAWarningNotAnError() throws IOException {
    Path config = write("c.json", "{\"name\": \"n\", \"bq_project_id\": \"${DIA_HARNESS_TEST_SURELY_UNSET_1}\","
        + " \"bq_dataset_id\": \"fixed_dataset\"}");
    CliRun run = CliTestSupport.run("validate", "--config-file", config.toString(), "--golden-set", GOOD_SET);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("WARNING: bq_project_id: ${DIA_HARNESS_TEST_SURELY_UNSET_1} is not set")
        .containsPattern("bq_dataset_id:\\s+fixed_dataset")
        .doesNotContain("WARNING: bq_dataset_id");
  }

  @Test
  void repeatedQuestionUnderTwoIdsIsAWarning() throws IOException {
    Path set = write("s.json", "[{\"question_id\": \"a\", \"question\": \"Q\", \"sql\": \"S\"},"
        + " {\"question_id\": \"b\", \"question\": \"q \", \"sql\": \"S\"}]");
    CliRun run = CliTestSupport.run("validate", "--config-file", CONFIG, "--golden-set", set.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("WARNING: golden set asks the same question under ids a, b");
  }

  /** Each bad input alone: exit 2 and exactly one line that names the file and the row or field. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // role  | file name | content (\n = new line)                     | expected fragment of the one error line
      "config  | c.json  | {\"name\": \"a\",,}                                  | not valid JSON at line 1, column",
      "config  | c.json  | \"just text\"                                       | expected a config object or a list of config objects",
      "config  | c.json  | {\"nl2sql_examples\": [1]}                          | field 'nl2sql_examples[0]': must be an object",
      "config  | c.json  | {\"nl2sql_examples\": [{\"query\": \"q\"}]}         | field 'nl2sql_examples[0]': has no 'expected_sql'",
      "config  | c.json  | {\"nl2sql_examples\": [{\"expected_sql\": \"s\"}]}  | field 'nl2sql_examples[0]': has no 'query'",
      "config  | c.json  | {\"nl2sql_prompt\": 5}                              | field 'nl2sql_prompt': must be text, got a number",
      "golden  | s.json  | [{\"question\": \"Q\", \"sql\": \"S\"},]            | not valid JSON at line 1, column",
      "golden  | s.json  | {\"question\": \"Q\", \"sql\": \"S\"}\\n{\"question\": | not valid JSON at line 2",
      "golden  | s.json  | []                                                  | no questions (the file has no data rows)",
      "golden  | s.json  | [1]                                                 | row 1: not a JSON object",
      "golden  | s.csv   | ''                                                  | no questions",
      "golden  | s.csv   | question,sql\\n                                     | no questions",
      "golden  | s.csv   | text,sql\\nQ,S\\n                                   | no question column (expected one of: nl_question, question, nlquestion); columns found: text, sql",
      "golden  | s.csv   | question,answer\\nQ,S\\n                            | no SQL column (expected one of: expected_sql, sql, expectedsql, query); columns found: question, answer",
      "golden  | s.csv   | question,sql\\nQ1,S\\n,S\\n                         | row 2: empty question",
      "golden  | s.csv   | question,sql\\nQ1,S\\nQ2,\\n                        | row 2: empty SQL",
      "golden  | s.csv   | question,sql\\nQ1,S\\n\"Q2,S\\n                     | not valid CSV",
      "golden  | s.csv   | question,sql\\nQ1,S,extra\\n                        | row 1: has 3 cells but the header has 2 columns",
      "golden  | s.csv   | question,sql,order_matters\\nQ,S,maybe\\n           | row 1: order_matters must be true or false, got 'maybe'",
      "golden  | s.csv   | question_id,question,sql\\nx,Q1,S\\ny,Q2,S\\nx,Q3,S\\n | row 1 and row 3: duplicate question_id 'x'",
      "golden  | s.csv   | question,sql\\nQ1,S\\nQ2,S\\n Q1 ,S\\n              | row 1 and row 3: the same question twice ('Q1'",
      "golden  | s.jsonl | {\"question\": \"Q\", \"sql\": \"S\"}\\n[1]\\n      | row 2 (line 2): not a JSON object",
      "golden  | s.json  | [{\"question\": [\"Q\"], \"sql\": \"S\"}]           | row 1: field 'question' must be text, got a list",
      "golden  | s.txt   | question,sql\\nQ,S\\n                               | unknown set format, expected .json, .jsonl, .ndjson, .csv or .xlsx",
      "golden  | s.xls   | x                                                   | the old .xls format is not supported",
      "golden  | s.xlsx  | not a zip                                           | not a readable .xlsx workbook",
      "test    | t.csv   | question\\nQ\\n                                     | no SQL column",
  })
  void badInputIsExitTwoWithOneLineNamingFileAndPlace(String role, String name, String content, String fragment)
      throws IOException {
    Path bad = write(name, content.replace("\\n", "\n"));
    List<String> args = new ArrayList<>(List.of("validate", "--config-file", CONFIG, "--golden-set", GOOD_SET));
    if (role.equals("config")) {
      args.set(2, bad.toString());
    } else if (role.equals("golden")) {
      args.set(4, bad.toString());
    } else {
      args.addAll(List.of("--test-set", bad.toString()));
    }
    assertOneError(CliTestSupport.run(args.toArray(String[]::new)), bad, fragment);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--config-file", "--golden-set", "--test-set", "--data"})
  void missingFileOrFolderIsExitTwoNamingIt(String option) {
    Path missing = dir.resolve("missing-" + option.substring(2));
    List<String> args = new ArrayList<>(List.of("validate", "--config-file", CONFIG, "--golden-set", GOOD_SET));
    int at = args.indexOf(option);
    if (at >= 0) {
      args.set(at + 1, missing.toString());
    } else {
      args.addAll(List.of(option, missing.toString()));
    }
    CliRun run = CliTestSupport.run(args.toArray(String[]::new));
    assertOneError(run, missing, option.equals("--data") ? "data folder does not exist" : "file not found");
  }

  @Test
  void independentProblemsAreAllListed() throws IOException {
    Path config = write("c.json", "[");
    Path set = write("s.csv", "question\nQ\n");
    CliRun run = CliTestSupport.run("validate", "--config-file", config.toString(), "--golden-set", set.toString(),
        "--data", dir.resolve("no-such-folder").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(run.err().lines().toList()).hasSize(3).allMatch(line -> line.startsWith("error: "));
    assertThat(run.err()).contains(config.toString()).contains(set.toString()).contains("no-such-folder");
  }

  @Test
  void localDataOfTheConfigIsLoadedAndAMissingFolderNamesTheField() throws IOException {
    Path tables = Files.createDirectories(dir.resolve("tables"));
    Files.copy(FIXTURES.resolve("products.json"), tables.resolve("products.json"));
    Path config = write("c.json", "{\"name\": \"n\", \"local_data\": \"tables\"}");
    CliRun run = CliTestSupport.run("validate", "--config-file", config.toString(), "--golden-set", GOOD_SET);
    // only the products table: the questions about customers and orders cannot run on it
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.GATE_FAILED.code());
    assertThat(run.out()).containsPattern("local_data:\\s+" + java.util.regex.Pattern.quote(tables.toString()))
        .containsPattern("products\\s+50 rows")
        .contains("expected SQL on the local data: 2 of 5 queries run and return rows")
        .contains("FAILS golden set de697cb0-01f7-4204-945a-9fab5c659672 'How many customers are there?': fails: "
            + "Catalog Error: Table with name customers does not exist!")
        .contains("FAILS golden set d3f56062-8ba8-4339-919e-a3c9ce7d3d74 'Show me the total revenue for each "
            + "status.': fails: Catalog Error: Table with name orders does not exist!")
        .contains("FAILS golden set 2869ff13-433d-490e-900b-cf37307a3544");

    Path broken = write("broken.json", "{\"name\": \"n\", \"local_data\": \"no-such-tables\"}");
    assertOneError(CliTestSupport.run("validate", "--config-file", broken.toString(), "--golden-set", GOOD_SET),
        broken, "field 'local_data': " + dir.resolve("no-such-tables") + ": data folder does not exist");
  }

  private void assertOneError(CliRun run, Path file, String fragment) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT.code());
    List<String> lines = run.err().lines().toList();
    assertThat(lines).as(run.err()).hasSize(1);
    assertThat(lines.get(0)).startsWith("error: " + file).contains(fragment).doesNotContain("Exception");
    assertThat(run.out()).doesNotContain("OK:");
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
