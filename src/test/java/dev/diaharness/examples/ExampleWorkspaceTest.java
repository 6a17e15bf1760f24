package dev.diaharness.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.core.Json;
import dev.diaharness.sql.EmbeddedDatabase;
import dev.diaharness.sql.TableFolderLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the shipped example workspace as a whole: every expected SQL runs on the example data, the sets are
 * well-formed and disjoint, and the config's schema description matches the loaded tables exactly.
 */
class ExampleWorkspaceTest {
  static final Path WORKSPACE = Path.of("examples/ecommerce");
  private static final Pattern QUALIFIED = Pattern.compile("`(?:[A-Za-z0-9_-]+\\.)*([A-Za-z_][A-Za-z0-9_]*)`");
  private static final Map<String, String> TYPE_FAMILIES = Map.of(
      "STRING", "VARCHAR", "INT64", "BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT", "FLOAT64", "DOUBLE|FLOAT|DECIMAL.*",
      "DATE", "DATE", "TIMESTAMP", "TIMESTAMP.*", "BOOL", "BOOLEAN");

  private static EmbeddedDatabase db;

  @BeforeAll
  static void load() {
    db = new TableFolderLoader().load(WORKSPACE.resolve(config().path("local_data").asText()));
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  /** The minimal mapping the expected SQL needs on DuckDB: {@code `p.ecommerce.t`} or {@code `ecommerce.t`} → t. */
  static String unqualify(String bigQuerySql) {
    return QUALIFIED.matcher(bigQuerySql).replaceAll("$1");
  }

  static Stream<Arguments> everyExpectedSql() {
    List<Arguments> all = new ArrayList<>();
    for (String file : List.of("golden_set.json", "test_set.json")) {
      for (JsonNode item : read(file)) {
        all.add(Arguments.of(item.path("question_id").asText(), item.path("expected_sql").asText()));
      }
    }
    for (JsonNode example : config().path("nl2sql_examples")) {
      all.add(Arguments.of("example: " + example.path("query").asText(), example.path("expected_sql").asText()));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyExpectedSql")
  void expectedSqlRunsAndAnswersSomething(String id, String sql) throws SQLException {
    assertThat(sql).contains("`ecommerce.").doesNotContainIgnoringCase("DATE_TRUNC(").doesNotContain("SAFE_")
        .doesNotContain("COUNTIF").doesNotContain("FORMAT_DATE");
    List<List<Object>> rows = query(unqualify(sql));
    assertThat(rows).as("rows of %s", id).isNotEmpty();
    if (rows.size() == 1 && rows.get(0).size() == 1) {
      // a single number that is NULL or 0 would make a useless question: any wrong filter gives the same answer
      assertThat(rows.get(0).get(0)).as("the single value of %s", id).isNotNull().isNotEqualTo(0L);
    }
  }

  @Test
  void unqualifyMapsEveryQualifiedForm() {
    assertThat(unqualify("SELECT * FROM `ecommerce.orders` o JOIN `my-proj.ecommerce.customers` c ON 1 = 1"))
        .isEqualTo("SELECT * FROM orders o JOIN customers c ON 1 = 1");
  }

  @Test
  void setsHaveTheRequiredSizesUniqueIdsAndNoSharedQuestions() {
    List<JsonNode> train = read("golden_set.json");
    List<JsonNode> test = read("test_set.json");
    assertThat(train).hasSizeGreaterThanOrEqualTo(40);
    assertThat(test).hasSizeGreaterThanOrEqualTo(20);
    List<String> ids = Stream.concat(train.stream(), test.stream()).map(n -> n.path("question_id").asText()).toList();
    assertThat(ids).doesNotHaveDuplicates().doesNotContain("");
    Set<String> trainQuestions = new HashSet<>();
    train.forEach(n -> trainQuestions.add(normalized(n.path("nl_question").asText())));
    for (JsonNode n : test) {
      assertThat(trainQuestions).as("test question also in training").doesNotContain(normalized(n.path("nl_question").asText()));
      assertThat(train.stream().map(t -> t.path("expected_sql").asText()))
          .as("test SQL identical to a training SQL: %s", n.path("question_id").asText())
          .doesNotContain(n.path("expected_sql").asText());
    }
    for (JsonNode n : Stream.concat(train.stream(), test.stream()).toList()) {
      assertThat(n.path("nl_question").asText()).isNotBlank();
      assertThat(n.path("complexity").asText()).isIn("Simple", "Medium", "Complex");
    }
  }

  @Test
  void testQuestionsOfSeenShapesAreTrainedAndAtLeastAThirdAreOfNewShapes() {
    Set<String> trained = new HashSet<>();
    read("golden_set.json").forEach(n -> trained.add(n.path("tags").get(0).asText()));
    List<JsonNode> test = read("test_set.json");
    long fresh = 0;
    for (JsonNode n : test) {
      String shape = n.path("tags").get(0).asText();
      String kind = n.path("tags").get(1).asText();
      assertThat(kind).as("second tag of %s", n.path("question_id").asText()).isIn("seen_shape", "new_shape");
      if (kind.equals("seen_shape")) {
        assertThat(trained).as("shape of %s", n.path("question_id").asText()).contains(shape);
      } else {
        assertThat(trained).as("shape of %s", n.path("question_id").asText()).doesNotContain(shape);
        fresh++;
      }
    }
    assertThat(trained).hasSizeGreaterThanOrEqualTo(12);
    assertThat(3 * fresh).as("new-shape test questions: %d of %d", fresh, test.size())
        .isGreaterThanOrEqualTo(test.size());
  }

  @Test
  void literalsOfEveryQuestionAppearInItsSql() {
    Set<String> knownValues = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    SchemaDescription.parse(config().path("schema_description").asText()).columns()
        .forEach(c -> knownValues.addAll(c.values()));
    List<JsonNode> items = new ArrayList<>(read("golden_set.json"));
    items.addAll(read("test_set.json"));
    for (JsonNode item : items) {
      String question = item.path("nl_question").asText();
      String sql = item.path("expected_sql").asText();
      Matcher numbers = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d+").matcher(question);
      while (numbers.find()) {
        assertThat(sql).as("number in %s", question).contains(numbers.group());
      }
      for (String value : knownValues) {
        if (Pattern.compile("\\b" + Pattern.quote(value) + "\\b", Pattern.CASE_INSENSITIVE).matcher(question).find()) {
          assertThat(sql).as("value in %s", question).contains("'" + value + "'");
        }
      }
    }
  }

  @Test
  void configHasTheShapeOfThePythonToolsConfig() {
    JsonNode config = config();
    assertThat(config.path("name").asText()).isEqualTo("baseline");
    for (String key : List.of("display_name", "description", "tool_description", "nl2sql_prompt",
        "schema_description")) {
      assertThat(config.path(key).asText()).as(key).isNotBlank();
    }
    assertThat(config.path("bq_project_id").asText()).isEqualTo("your-gcp-project");
    assertThat(config.path("bq_dataset_id").asText()).isEqualTo("ecommerce");
    assertThat(config.path("nl2sql_examples")).hasSize(3);
    for (JsonNode example : config.path("nl2sql_examples")) {
      for (String key : List.of("query", "expected_sql", "expected_response")) {
        assertThat(example.path(key).asText()).as(key).isNotBlank();
      }
    }
  }

  @Test
  void schemaDescriptionMatchesTheLoadedTablesExactly() throws SQLException {
    SchemaDescription described = SchemaDescription.parse(config().path("schema_description").asText());
    Map<String, String> loaded = new LinkedHashMap<>();
    for (List<Object> row : query("SELECT table_name || '.' || column_name, data_type FROM information_schema.columns"
        + " ORDER BY table_name, ordinal_position")) {
      loaded.put((String) row.get(0), (String) row.get(1));
    }
    assertThat(described.columns().stream().map(SchemaDescription.Column::qualified))
        .containsExactlyInAnyOrderElementsOf(loaded.keySet());
    for (SchemaDescription.Column c : described.columns()) {
      assertThat(loaded.get(c.qualified())).as("type of %s, described as %s", c.qualified(), c.type())
          .matches(TYPE_FAMILIES.get(c.type()));
      long nulls = single("SELECT count(*) FROM " + c.table() + " WHERE " + c.name() + " IS NULL");
      assertThat(nulls > 0).as("%s has NULLs, described as nullable = %s", c.qualified(), c.nullable())
          .isEqualTo(c.nullable());
      if (!c.values().isEmpty()) {
        List<Object> actual = query("SELECT DISTINCT " + c.name() + " FROM " + c.table() + " WHERE " + c.name()
            + " IS NOT NULL").stream().map(r -> r.get(0)).toList();
        assertThat(actual).as("values of %s", c.qualified()).containsExactlyInAnyOrderElementsOf(c.values());
      }
    }
    for (Map.Entry<String, Long> table : described.rowCounts().entrySet()) {
      assertThat(db.tables()).as("rows of %s", table.getKey()).containsEntry(table.getKey(), table.getValue());
    }
  }

  private static String normalized(String question) {
    return question.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
  }

  static JsonNode config() {
    return read("baseline_config.json").get(0);
  }

  private static List<JsonNode> read(String file) {
    try {
      JsonNode node = Json.MAPPER.readTree(WORKSPACE.resolve(file).toFile());
      List<JsonNode> items = new ArrayList<>();
      if (node.isArray()) {
        node.forEach(items::add);
      } else {
        items.add(node);
      }
      return items;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  private static long single(String sql) throws SQLException {
    return ((Number) query(sql).get(0).get(0)).longValue();
  }

  private static List<List<Object>> query(String sql) throws SQLException {
    try (Connection c = db.newConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
