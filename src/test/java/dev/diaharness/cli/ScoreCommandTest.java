package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code score} through the real command line, on the e-commerce example data. */
class ScoreCommandTest {
  private static final Path CORPUS = Path.of("src", "test", "resources", "scoring", "labelled_pairs.jsonl");
  private static final String DATA = Path.of("examples", "ecommerce", "data").toString();
  private static final String CONFIG = Path.of("examples", "ecommerce", "baseline_config.json").toString();
  private static final Map<String, String> NO_MODELS = Map.of();

  @TempDir Path dir;

  /**
   * The done-when of the scoring issue: every equivalent rewrite passes and no near miss does. One CLI run over the
   * whole corpus; every pair's verdict is checked, and all mismatches are reported together.
   */
  @Test
  void theLabelledCorpusGetsTheRightVerdictOnEveryPair() throws IOException {
    List<JsonNode> pairs = readLines(Files.readString(CORPUS));
    CliRun run = CliTestSupport.runWithEnv(NO_MODELS, "", "score", "--pairs", CORPUS.toString(), "--json",
        "--data", DATA, "--exit-zero");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> verdicts = readLines(run.out());
    assertThat(verdicts).hasSameSizeAs(pairs);
    assertThat(pairs).hasSizeGreaterThanOrEqualTo(60);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      JsonNode pair = pairs.get(i);
      JsonNode verdict = verdicts.get(i);
      assertThat(verdict.get("pair").asInt()).isEqualTo(i + 1);
      if (!verdict.get("verdict").asText().equals(pair.get("label").asText())) {
        wrong.add(pair.get("id").asText() + " (" + pair.get("kind").asText() + "): " + verdict.get("verdict")
            + " " + verdict.get("status") + " — " + verdict.at("/evidence/summary").asText());
      }
      if (pair.get("kind").asText().equals("near_miss")) {
        assertThat(verdict.get("status").asText()).as(pair.get("id").asText())
            .isIn("EXEC_MISMATCH", "COUNTEREXAMPLE");
      }
    }
    assertThat(wrong).as("pairs with the wrong verdict").isEmpty();
    long equivalents = pairs.stream().filter(p -> p.get("kind").asText().equals("equivalent")).count();
    assertThat(equivalents).isBetween(20L, pairs.size() - 20L);
  }

  @Test
  void jsonLinesHaveTheDocumentedFieldsAndKeepQuestionAndIdAndIgnoreExtraFields() throws IOException {
    Path pairs = write("p.jsonl", """
        {"question_id": "q1", "question": "How many orders?", "expected_sql": "SELECT COUNT(*) FROM `ecommerce.orders`", "generated_sql": "select count(*) from ecommerce.orders", "note": {"x": 1}}

        {"question_id": 7, "expected_sql": "SELECT COUNT(*) FROM `ecommerce.orders` WHERE status = 'cancelled'", "generated_sql": "SELECT COUNT(*) FROM `ecommerce.orders` WHERE status = 'returned'"}
        {"expected_sql": "SELECT 1", "generated_sql": ""}
        """);
    CliRun run = CliTestSupport.runWithEnv(NO_MODELS, "", "score", "--pairs", pairs.toString(), "--json",
        "--data", DATA, "--variants", "2");
    assertThat(run.exitCode()).as("2 of 3 pairs are not PASS").isEqualTo(ExitCode.GATE_FAILED.code());
    assertThat(run.err()).contains("2 of 3 pair(s) not PASS");
    List<JsonNode> rows = readLines(run.out());
    assertThat(rows).hasSize(3);
    JsonNode exact = rows.get(0);
    assertThat(exact.get("question_id").asText()).isEqualTo("q1");
    assertThat(exact.get("question").asText()).isEqualTo("How many orders?");
    assertThat(exact.get("verdict").asText()).isEqualTo("PASS");
    assertThat(exact.get("status").asText()).isEqualTo("EXACT");
    assertThat(exact.get("score").asInt()).isEqualTo(100);
    assertThat(exact.get("categories").fieldNames()).toIterable().containsExactly("data_source", "filtering",
        "columns_aggregation", "grouping", "ordering_limit", "format");
    assertThat(exact.at("/evidence/summary").asText()).contains("equals the expected SQL");
    assertThat(exact.at("/evidence/details").isObject()).isTrue();
    JsonNode mismatch = rows.get(1);
    assertThat(mismatch.get("question_id").asText()).isEqualTo("7");
    assertThat(mismatch.has("question")).isFalse();
    assertThat(mismatch.get("verdict").asText()).isEqualTo("FAIL");
    assertThat(mismatch.get("status").asText()).isEqualTo("EXEC_MISMATCH");
    assertThat(mismatch.get("score").asInt()).isLessThan(100)
        .isEqualTo(sum(mismatch.get("categories")));
    assertThat(mismatch.at("/evidence/details/missingFromActual").isArray()).isTrue();
    assertThat(rows.get(2).get("status").asText()).isEqualTo("NO_SQL");
    assertThat(rows.get(2).get("verdict").asText()).isEqualTo("FAIL");
  }

  @Test
  void humanOutputShowsVerdictStatusCategoriesEvidenceAndTheDifferingRows() {
    CliRun run = CliTestSupport.runWithEnv(NO_MODELS, "", "score", "--config-file", CONFIG,
        "--expected", "SELECT COUNT(*) FROM `ecommerce.orders` WHERE status = 'cancelled'",
        "--generated", "SELECT COUNT(*) FROM `ecommerce.orders` WHERE status = 'returned'", "--exit-zero");
    assertThat(run.exitCode()).as("--exit-zero reports only").isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("pair 1")
        .containsPattern("FAIL  EXEC_MISMATCH  score \\d+/100 \\(data_source 20/20, filtering \\d+/25, "
            + "columns_aggregation 25/25, grouping 15/15, ordering_limit 10/10, format 5/5\\)")
        .contains("results differ on the local data")
        .containsPattern("rows only the expected SQL returns: \\(\\d+\\)")
        .containsPattern("rows only the generated SQL returns: \\(\\d+\\)")
        .contains("1 pair: 1 FAIL");
  }

  @Test
  void everyPairPassingExitsZero() {
    CliRun run = CliTestSupport.runWithEnv(NO_MODELS, "", "score", "--expected", "SELECT a FROM t",
        "--generated", "select a from t");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  /** SQL that would change data is refused before anything else, with or without tables: never run, never judged. */
  @ParameterizedTest
  @ValueSource(strings = {"DROP TABLE `ecommerce.orders`", "DELETE FROM `ecommerce.orders` WHERE TRUE",
      "SELECT 1; DROP TABLE x", "  -- note\n  insert into t values (1)"})
  void nonSelectSqlIsRefusedWithAndWithoutTables(String generated) throws IOException {
    for (boolean tables : new boolean[] {true, false}) {
      List<String> args = new java.util.ArrayList<>(List.of("score", "--json",
          "--expected", "SELECT COUNT(*) FROM `ecommerce.orders`", "--generated", generated));
      if (tables) {
        args.addAll(List.of("--data", DATA));
      }
      CliRun run = CliTestSupport.runWithEnv(NO_MODELS, "", args.toArray(String[]::new));
      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.GATE_FAILED.code());
      JsonNode row = readLines(run.out()).get(0);
      assertThat(row.get("verdict").asText()).as("tables: %s", tables).isEqualTo("FAIL");
      assertThat(row.get("status").asText()).isEqualTo("PRED_ERROR");
      assertThat(row.toString()).contains("refused, never run");
    }
  }

  @Test
  void aCounterexampleNamesTheVariantDatabase() {
    CliRun run = CliTestSupport.runWithEnv(NO_MODELS, "", "score", "--data", DATA,
        "--expected", "SELECT COUNT(*) FROM `ecommerce.orders` WHERE status = 'cancelled'",
        "--generated", "SELECT COUNT(*) FROM `ecommerce.orders` WHERE status IN ('cancelled', 'refunded')");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.GATE_FAILED.code());
    assertThat(run.out()).contains("FAIL  COUNTEREXAMPLE")
        .contains("different on a variant database (")
        .contains("orders.status values nudged around 'refunded'");
  }

  @Test
  void withoutTablesExecutionIsOffSaidOnceAndWhatExactMatchCannotDecideIsUndecided() throws IOException {
    Path pairs = write("p.jsonl", """
        {"expected_sql": "SELECT a FROM t", "generated_sql": "SELECT  a  FROM t;"}
        {"expected_sql": "SELECT a FROM t", "generated_sql": "SELECT b FROM t"}
        """);
    CliRun run = CliTestSupport.runWithEnv(NO_MODELS, "", "score", "--pairs", pairs.toString(), "--json");
    assertThat(run.exitCode()).as("an undecided pair is not PASS").isEqualTo(ExitCode.GATE_FAILED.code());
    assertThat(run.err().lines()).hasSize(2).first().asString().contains("execution is off")
        .contains("UNDECIDED (no judge model configured)");
    List<JsonNode> rows = readLines(run.out());
    assertThat(rows).extracting(r -> r.get("verdict").asText()).containsExactly("PASS", "UNDECIDED");
    assertThat(rows).extracting(r -> r.get("status").asText()).containsExactly("EXACT", "UNSUPPORTED");
  }

  /** Each bad input: exit 2 and one line that names the file and line (or the flag). */
  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"expected_sql\": \"SELECT 1\", \"generated_sql\": \"SELECT 1\"}\\n{oops | line 2: not valid JSON",
      "[1] | line 1: not a JSON object",
      "{\"generated_sql\": \"SELECT 1\"} | line 1: has no 'expected_sql'",
      "{\"expected_sql\": \"SELECT 1\"} | line 1: has no 'generated_sql'",
      "{\"expected_sql\": \" \", \"generated_sql\": \"SELECT 1\"} | line 1: empty 'expected_sql'",
      "{\"expected_sql\": 5, \"generated_sql\": \"SELECT 1\"} | line 1: field 'expected_sql' must be text, got number",
      "\\n\\n | no pairs"})
  void badPairsFileIsExitTwoNamingFileAndLine(String content, String fragment) throws IOException {
    Path pairs = write("bad.jsonl", content.replace("\\n", "\n"));
    CliRun run = CliTestSupport.runWithEnv(NO_MODELS, "", "score", "--pairs", pairs.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(run.err().lines()).hasSize(1).first().asString()
        .startsWith("error: " + pairs).contains(fragment).doesNotContain("Exception");
    assertThat(run.out()).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', value = {
      "--expected,SELECT 1 | give --expected SQL with --generated SQL, or --pairs FILE",
      "--generated,SELECT 1 | give --expected SQL with --generated SQL, or --pairs FILE",
      "--expected,SELECT 1,--generated,SELECT 1,--pairs,x.jsonl | not both",
      "--expected, ,--generated,SELECT 1 | --expected: empty SQL",
      "--expected,SELECT 1,--generated,SELECT 1,--data,no-such-folder | no-such-folder",
      "--expected,SELECT 1,--generated,SELECT 1,--variants,-1 | --variants must be 0 or more"})
  void badFlagsAreExitTwo(String args, String fragment) {
    List<String> argv = new ArrayList<>(List.of("score"));
    argv.addAll(List.of(args.split(",", -1)));
    CliRun run = CliTestSupport.runWithEnv(NO_MODELS, "", argv.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(run.err()).contains(fragment);
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static List<JsonNode> readLines(String text) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        out.add(Json.MAPPER.readTree(line));
      }
    }
    return out;
  }

  private static int sum(JsonNode categories) {
    int total = 0;
    for (JsonNode value : categories) {
      total += value.asInt();
    }
    return total;
  }
}
