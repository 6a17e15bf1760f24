package dev.diaharness.emulator.brain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.NlExample;
import dev.diaharness.emulator.TestData;
import dev.diaharness.sql.EmbeddedDatabase;
import dev.diaharness.sql.TableFolderLoader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetrievalBrainTest {
  private static EmbeddedDatabase db;
  private static DataCatalog catalog;

  /** One example per question pattern; the test questions use other literals of the same patterns. */
  private static final List<NlExample> PATTERN_EXAMPLES = List.of(
      new NlExample("How many cancelled orders are there?",
          "SELECT COUNT(*) FROM `dataset.orders` WHERE status = 'CANCELLED'", ""),
      new NlExample("How many products are in the Toys category?",
          "SELECT COUNT(*) FROM `dataset.products` WHERE category = 'Toys'", ""),
      new NlExample("What was the total order amount in 2024?",
          "SELECT SUM(amount) FROM `dataset.orders` WHERE order_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'",
          ""),
      new NlExample("How many customers live in Texas?",
          "SELECT COUNT(*) FROM `dataset.customers` WHERE region = 'Texas'", ""),
      new NlExample("Show the 3 largest orders by amount",
          "SELECT id, amount FROM `dataset.orders` ORDER BY amount DESC LIMIT 3", ""));

  /** question → gold SQL, different literals from the examples. */
  private static final List<String[]> QUESTIONS = List.of(
      new String[] {"How many shipped orders are there?",
          "SELECT COUNT(*) FROM orders WHERE status = 'SHIPPED'"},
      new String[] {"How many pending orders are there?",
          "SELECT COUNT(*) FROM orders WHERE status = 'PENDING'"},
      new String[] {"How many products are in the Electronics category?",
          "SELECT COUNT(*) FROM products WHERE category = 'Electronics'"},
      new String[] {"How many products are in the Home & Garden category?",
          "SELECT COUNT(*) FROM products WHERE category = 'Home & Garden'"},
      new String[] {"What was the total order amount in 2025?",
          "SELECT SUM(amount) FROM orders WHERE year(order_date) = 2025"},
      new String[] {"How many customers live in Rhode Island?",
          "SELECT COUNT(*) FROM customers WHERE region = 'Rhode Island'"},
      new String[] {"How many customers live in Missouri?",
          "SELECT COUNT(*) FROM customers WHERE region = 'Missouri'"},
      new String[] {"Show the 10 largest orders by amount",
          "SELECT id, amount FROM orders ORDER BY amount DESC LIMIT 10"});

  @BeforeAll
  static void load() {
    db = new TableFolderLoader().load(TestData.FIXTURE_TABLES);
    catalog = DataCatalog.of(db);
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  @Test
  void addingTheRightExamplesRaisesAccuracy() throws SQLException {
    RetrievalBrain brain = new RetrievalBrain(catalog, 7, 0);
    AgentConfig baseline = TestData.baseline();
    List<NlExample> more = new ArrayList<>(baseline.nl2sqlExamples());
    more.addAll(PATTERN_EXAMPLES);

    double before = accuracy(brain, baseline);
    double after = accuracy(brain, baseline.withNl2sqlExamples(more));

    assertThat(before).isLessThan(0.5);
    assertThat(after).isEqualTo(1.0);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "How many shipped orders are there?|SELECT COUNT(*) FROM `dataset.orders` WHERE status = 'SHIPPED'",
      "How many products are in the Electronics category?|"
          + "SELECT COUNT(*) FROM `dataset.products` WHERE category = 'Electronics'",
      "What was the total order amount in 2025?|SELECT SUM(amount) FROM `dataset.orders` "
          + "WHERE order_date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'",
      "How many customers live in South Carolina?|"
          + "SELECT COUNT(*) FROM `dataset.customers` WHERE region = 'South Carolina'",
      "Show the ten largest orders by amount|SELECT id, amount FROM `dataset.orders` ORDER BY amount DESC LIMIT 10",
  })
  void adaptsTheExampleLiteralsToTheQuestion(String question, String expected) {
    AgentConfig config = TestData.baseline().withNl2sqlExamples(PATTERN_EXAMPLES);
    BrainAnswer answer = new RetrievalBrain(catalog, 1, 0).answer(config, question, 0);
    assertThat(answer.sql()).contains(expected);
    assertThat(answer.thoughts()).contains("closest example");
  }

  @Test
  void sameSeedConfigAndQuestionGiveTheSameSql() {
    AgentConfig config = TestData.baseline().withNl2sqlExamples(PATTERN_EXAMPLES);
    for (String[] q : QUESTIONS) {
      for (int repeat = 0; repeat < 3; repeat++) {
        BrainAnswer first = new RetrievalBrain(catalog, 42, 0.5).answer(config, q[0], repeat);
        BrainAnswer second = new RetrievalBrain(catalog, 42, 0.5).answer(config, q[0], repeat);
        assertThat(second).isEqualTo(first);
      }
    }
  }

  @Test
  void aTemperatureMakesRepeatsDisagreeAmongNearTies() {
    // two examples equally close to the question: at temperature 0 the first always wins
    AgentConfig config = TestData.baseline().withNl2sqlExamples(List.of(
        new NlExample("How many orders are there?", "SELECT COUNT(*) FROM `dataset.orders`", ""),
        new NlExample("How many orders exist?", "SELECT COUNT(id) FROM `dataset.orders`", "")));
    String question = "How many orders?";
    Set<String> cold = new HashSet<>();
    Set<String> warm = new HashSet<>();
    for (int repeat = 0; repeat < 20; repeat++) {
      cold.add(new RetrievalBrain(catalog, 3, 0).answer(config, question, repeat).sql().orElseThrow());
      warm.add(new RetrievalBrain(catalog, 3, 1.0).answer(config, question, repeat).sql().orElseThrow());
    }
    assertThat(cold).containsExactly("SELECT COUNT(*) FROM `dataset.orders`");
    assertThat(warm).hasSize(2);
  }

  @Test
  void withoutExamplesItGuessesAQueryOnTheTableTheQuestionNames() {
    AgentConfig config = TestData.baseline().withNl2sqlExamples(List.of());
    BrainAnswer answer = new RetrievalBrain(catalog, 0, 0).answer(config, "How many clients are there?", 0);
    assertThat(answer.sql()).contains("SELECT COUNT(*) FROM customers");
    assertThat(answer.thoughts()).contains("no examples");
  }

  @Test
  void aDissimilarQuestionFallsBackInsteadOfCopyingAnUnrelatedExample() {
    AgentConfig config = TestData.baseline();
    BrainAnswer answer = new RetrievalBrain(catalog, 0, 0).answer(config, "Average order amount for shipped orders", 0);
    assertThat(answer.sql()).hasValueSatisfying(sql -> assertThat(sql).contains("orders").contains("'SHIPPED'"));
    assertThat(answer.thoughts()).contains("No example is similar enough");
  }

  private static double accuracy(RetrievalBrain brain, AgentConfig config) throws SQLException {
    int correct = 0;
    for (String[] q : QUESTIONS) {
      String sql = brain.answer(config, q[0], 0).sql().orElse("SELECT 'no sql'");
      if (run(sql).equals(run(q[1]))) {
        correct++;
      }
    }
    return correct / (double) QUESTIONS.size();
  }

  /** Rows as strings, or the error: enough to compare two queries' results on the fixture data. */
  private static List<String> run(String sql) throws SQLException {
    String duck = sql.replaceAll("`[^`]*\\.([a-z_]+)`", "$1");
    List<String> rows = new ArrayList<>();
    try (Connection c = db.newConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(duck)) {
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.add(String.valueOf(rs.getObject(i)));
        }
        rows.add(String.join("|", row));
      }
    } catch (SQLException e) {
      rows.add("ERROR " + e.getMessage());
    }
    return rows;
  }
}
