package dev.diaharness.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoldenSetLoaderTest {
  static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "dia-original");

  @TempDir Path dir;

  @Test
  void pythonToolJsonSetKeepsItsIdsAndAttributes() {
    GoldenSet set = GoldenSetLoader.load(FIXTURES.resolve("golden_set.json"));
    assertThat(set.size()).isEqualTo(5);
    GoldenCase first = set.cases().get(0);
    assertThat(first.id()).isEqualTo("de697cb0-01f7-4204-945a-9fab5c659672");
    assertThat(first.question()).isEqualTo("How many customers are there?");
    assertThat(first.expectedSql()).isEqualTo("SELECT count(*) FROM `dataset.customers`");
    assertThat(first.attributes()).containsOnly(Map.entry("complexity", "Simple"),
        Map.entry("expected_result_type", "INTEGER"),
        Map.entry("sql_pattern", "SELECT\\s+count\\(\\*\\)\\s+FROM\\s+`.*customers`"));
    assertThat(GoldenSetLoader.load(FIXTURES.resolve("debug_set.json")).cases())
        .extracting(GoldenCase::id).containsExactly("test-1");
  }

  @Test
  void pythonToolCsvSetsGetStableIdsAndNoNan() {
    GoldenSet set = GoldenSetLoader.load(FIXTURES.resolve("golden_set.csv"));
    assertThat(set.size()).isEqualTo(5);
    assertThat(set.cases().get(0).id()).isEqualTo(QuestionIds.derive("How many customers are there?"));
    assertThat(set.cases().get(2).question()).isEqualTo("What's the total revenue by category?");
    assertThat(set.cases().get(2).expectedSql())
        .isEqualTo("SELECT category, SUM(price) as total_revenue FROM `dia_test_dataset.products` GROUP BY category");
    assertThat(set.cases()).allSatisfy(c -> assertThat(c.attributes()).isEmpty());
    assertThat(GoldenSetLoader.load(FIXTURES.resolve("test_set.csv")).size()).isEqualTo(5);
  }

  @ParameterizedTest(name = "[{index}] question header ''{0}''")
  @ValueSource(strings = {"question", "Question", " QUESTION ", "nl_question", "NL Question", "nl-question",
      "nlquestion", "NLQuestion", "nl__question"})
  void questionColumnAliases(String header) throws IOException {
    Path file = SetFiles.text(dir.resolve("s.csv"), "\"" + header + "\",sql\nQ1,SELECT 1\n");
    assertThat(GoldenSetLoader.load(file).cases().get(0).question()).isEqualTo("Q1");
  }

  @ParameterizedTest(name = "[{index}] SQL header ''{0}''")
  @ValueSource(strings = {"expected_sql", "Expected SQL", "expected-sql", "expectedsql", "ExpectedSQL", "sql", "SQL",
      "query", " Query "})
  void sqlColumnAliases(String header) throws IOException {
    Path file = SetFiles.text(dir.resolve("s.csv"), "question,\"" + header + "\"\nQ1,SELECT 1\n");
    assertThat(GoldenSetLoader.load(file).cases().get(0).expectedSql()).isEqualTo("SELECT 1");
  }

  @Test
  void theFirstMatchingColumnWins() throws IOException {
    Path file = SetFiles.text(dir.resolve("s.csv"), "nl_question,question,query,expected_sql\nA,B,SELECT 1,SELECT 2\n");
    GoldenCase c = GoldenSetLoader.load(file).cases().get(0);
    assertThat(c.question()).isEqualTo("A");
    assertThat(c.expectedSql()).isEqualTo("SELECT 1");
  }

  @Test
  void everyFormatGivesTheSameCases() throws IOException {
    Path json = SetFiles.text(dir.resolve("s.json"), "[{\"question_id\": \"a\", \"nl_question\": \"Q1\","
        + " \"expected_sql\": \"SELECT 1\", \"alternatives\": [\"SELECT 1 AS x\", \"SELECT 'a' || 'b'\"],"
        + " \"order_matters\": true, \"tags\": [\"t1\", \"t2\"], \"complexity\": \"Simple\"},"
        + " {\"question\": \"Q2\", \"sql\": \"SELECT 2\"}]");
    String lines = "{\"question_id\": \"a\", \"nl_question\": \"Q1\", \"expected_sql\": \"SELECT 1\","
        + " \"alternatives\": [\"SELECT 1 AS x\", \"SELECT 'a' || 'b'\"], \"order_matters\": true,"
        + " \"tags\": [\"t1\", \"t2\"], \"complexity\": \"Simple\"}\n{\"question\": \"Q2\", \"sql\": \"SELECT 2\"}\n";
    Path jsonLines = SetFiles.text(dir.resolve("lines.json"), lines);
    Path jsonl = SetFiles.text(dir.resolve("s.jsonl"), lines);
    Path ndjson = SetFiles.text(dir.resolve("s.ndjson"), lines);
    Path csv = SetFiles.text(dir.resolve("s.csv"),
        "question_id,nl_question,expected_sql,alternatives,order_matters,tags,complexity\n"
            + "a,Q1,SELECT 1,SELECT 1 AS x | SELECT 'a' || 'b',true,\"t1, t2\",Simple\n"
            + ",Q2,SELECT 2,,,,\n");
    Path csvJsonCell = SetFiles.text(dir.resolve("s2.csv"),
        "question_id,nl_question,expected_sql,alternatives,order_matters,tags,complexity\n"
            + "a,Q1,SELECT 1,\"[\"\"SELECT 1 AS x\"\", \"\"SELECT 'a' || 'b'\"\"]\",yes,\"t1,t2\",Simple\n"
            + ",Q2,SELECT 2,,no,,\n");
    Path xlsx = SetFiles.xlsx(dir.resolve("s.xlsx"), List.of(
        List.of("question_id", "nl_question", "expected_sql", "alternatives", "order_matters", "tags", "complexity"),
        List.of("a", "Q1", "SELECT 1", "SELECT 1 AS x|SELECT 'a' || 'b'", true, "t1,t2", "Simple"),
        Arrays.asList(null, "Q2", "SELECT 2")));

    List<GoldenCase> expected = List.of(
        new GoldenCase("a", "Q1", "SELECT 1", List.of("SELECT 1 AS x", "SELECT 'a' || 'b'"), true,
            List.of("t1", "t2"), Map.of("complexity", "Simple")),
        GoldenCase.of(QuestionIds.derive("Q2"), "Q2", "SELECT 2"));
    for (Path file : List.of(json, jsonLines, jsonl, ndjson, csv, csvJsonCell, xlsx)) {
      assertThat(GoldenSetLoader.load(file).cases()).as(file.getFileName().toString()).isEqualTo(expected);
    }
  }

  @Test
  void byteOrderMarkAndCrlfLoad() throws IOException {
    Path csv = SetFiles.text(dir.resolve("bom.csv"), "\uFEFFquestion,sql\r\nQ1,SELECT 1\r\n\"Q\r\n2\",SELECT 2\r\n");
    assertThat(GoldenSetLoader.load(csv).cases()).extracting(GoldenCase::question, GoldenCase::expectedSql)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Q1", "SELECT 1"),
            org.assertj.core.groups.Tuple.tuple("Q\r\n2", "SELECT 2"));
    Path json = SetFiles.text(dir.resolve("bom.json"), "\uFEFF[\r\n{\"question\": \"Q1\", \"sql\": \"S\"}\r\n]\r\n");
    assertThat(GoldenSetLoader.load(json).size()).isEqualTo(1);
    Path lines = SetFiles.text(dir.resolve("bom.jsonl"), "\uFEFF{\"question\": \"Q1\", \"sql\": \"S\"}\r\n\r\n");
    assertThat(GoldenSetLoader.load(lines).size()).isEqualTo(1);
  }

  @Test
  void emptyCellsAreAbsentNeverNan() throws IOException {
    Path csv = SetFiles.text(dir.resolve("e.csv"),
        "question_id,question,sql,complexity,tags,alternatives,order_matters\n,Q1,SELECT 1,,,,\n,,,,,,\n");
    GoldenSet set = GoldenSetLoader.load(csv);
    assertThat(set.size()).as("a fully empty row is skipped").isEqualTo(1);
    GoldenCase c = set.cases().get(0);
    assertThat(c).isEqualTo(GoldenCase.of(QuestionIds.derive("Q1"), "Q1", "SELECT 1"));
    assertThat(c.toString()).doesNotContainIgnoringCase("nan");
  }

  @ParameterizedTest(name = "[{index}] order_matters ''{0}'' -> {1}")
  @CsvSource({"true,true", "TRUE,true", "yes,true", "1,true", "y,true", "false,false", "No,false", "0,false"})
  void orderMattersValues(String cell, boolean expected) throws IOException {
    Path csv = SetFiles.text(dir.resolve("o.csv"), "question,sql,order_matters\nQ,S," + cell + "\n");
    assertThat(GoldenSetLoader.load(csv).cases().get(0).orderMatters()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] alternatives cell {0}")
  @CsvSource(delimiter = '#', value = {
      "SELECT 2                               # SELECT 2",
      "SELECT 2 | SELECT 3                    # SELECT 2;SELECT 3",
      "SELECT a || b | SELECT c               # SELECT a || b;SELECT c",
      "'[\"SELECT 2\", \"SELECT x | y\"]'     # SELECT 2;SELECT x | y",
  })
  void alternativesCell(String cell, String expected) throws IOException {
    Path csv = SetFiles.text(dir.resolve("a.csv"), "question,sql,alternatives\nQ,S,\"" + cell.replace("\"", "\"\"")
        + "\"\n");
    assertThat(GoldenSetLoader.load(csv).cases().get(0).alternatives()).containsExactly(expected.split(";"));
  }

  @Test
  void xlsxNumbersReadAsPlainText() throws IOException {
    Path xlsx = SetFiles.xlsx(dir.resolve("n.xlsx"), List.of(
        List.of("question_id", "question", "sql"),
        List.of(7, "Q7", "SELECT 7"),
        List.of(8.5, "Q8", "SELECT 8")));
    assertThat(GoldenSetLoader.load(xlsx).cases()).extracting(GoldenCase::id).containsExactly("7", "8.5");
  }

  @ParameterizedTest(name = "[{index}] tags cell {0}")
  @CsvSource(delimiter = '#', value = {
      "seen_shape, lookup                     # seen_shape;lookup",
      "seen_shape; lookup ;                   # seen_shape;lookup",
      "'[\"new_shape\", \"join, two tables\"]'  # new_shape;join, two tables",
      "a, b, a                                # a;b",
  })
  void tagsCellListEncodings(String cell, String expected) throws IOException {
    Path csv = SetFiles.text(dir.resolve("t.csv"), "question,sql,tags\nQ,S,\"" + cell.replace("\"", "\"\"")
        + "\"\n");
    assertThat(GoldenSetLoader.load(csv).cases().get(0).tags()).containsExactly(expected.split(";"));
  }

  @ParameterizedTest(name = "[{index}] headers ''{0}'' and ''{1}''")
  @CsvSource({"tags,complexity", "Tags,Complexity", "tag,difficulty", "Labels,DIFFICULTY", "label,complexity"})
  void tagAndComplexityColumnAliasesInEveryFormat(String tagHeader, String complexityHeader) throws IOException {
    Path csv = SetFiles.text(dir.resolve("a.csv"), "question,sql," + tagHeader + "," + complexityHeader
        + "\nQ1,SELECT 1,\"lookup;seen_shape\",Simple\n");
    Path json = SetFiles.text(dir.resolve("a.json"), "[{\"question\": \"Q1\", \"sql\": \"SELECT 1\", \""
        + tagHeader + "\": [\"lookup\", \"seen_shape\"], \"" + complexityHeader + "\": \"Simple\"}]");
    Path jsonl = SetFiles.text(dir.resolve("a.jsonl"), "{\"question\": \"Q1\", \"sql\": \"SELECT 1\", \""
        + tagHeader + "\": \"lookup, seen_shape\", \"" + complexityHeader + "\": \"Simple\"}\n");
    Path xlsx = SetFiles.xlsx(dir.resolve("a.xlsx"), List.of(
        List.of("question", "sql", tagHeader, complexityHeader),
        List.of("Q1", "SELECT 1", "[\"lookup\", \"seen_shape\"]", "Simple")));
    for (Path file : List.of(csv, json, jsonl, xlsx)) {
      GoldenCase c = GoldenSetLoader.load(file).cases().get(0);
      assertThat(c.tags()).as(file.getFileName().toString()).containsExactly("lookup", "seen_shape");
      assertThat(c.complexity()).as(file.getFileName().toString()).contains("Simple");
    }
  }

  @Test
  void aTagListThatDoesNotParseNamesTheRow() throws IOException {
    Path csv = SetFiles.text(dir.resolve("bad.csv"), "question,sql,tags\nQ1,SELECT 1,a\nQ2,SELECT 2,\"[\"\"a\"\",\"\n");
    assertThatThrownBy(() -> GoldenSetLoader.load(csv)).isInstanceOf(dev.diaharness.core.InputException.class)
        .hasMessageContaining("bad.csv row 2: tags looks like a JSON list but does not parse");
  }
}
