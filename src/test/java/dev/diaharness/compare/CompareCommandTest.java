package dev.diaharness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.cli.CliTestSupport.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} on a real optimize run (the shipped example, embedded emulator, examples optimizer): its first and
 * last iterations compared both ways, as text, JSON and HTML, and as a CI gate.
 */
class CompareCommandTest {
  @TempDir static Path work;
  static Path run;

  @BeforeAll
  static void anOptimizeRun() throws Exception {
    run = ExampleOptimizeRun.folder();
  }

  @Test
  void jsonListsFixedAndBrokenIdsWithTheMcNemarPValueOfTheirCounts() throws Exception {
    JsonNode json = ExampleOptimizeRun.compareJson(run + ":1", run + ":3");
    assertThat(json.fieldNames()).toIterable()
        .contains("a", "b", "fixed", "broken", "unchanged", "accuracy", "p_value");
    assertThat(json.path("a").path("iteration").asInt()).isEqualTo(1);
    assertThat(json.path("b").path("iteration").asInt()).isEqualTo(3);
    int fixed = json.path("fixed").size();
    int broken = json.path("broken").size();
    assertThat(fixed).as("the optimizer raised accuracy").isGreaterThan(broken);
    assertThat(json.path("p_value").asDouble()).isEqualTo(McNemar.exactTwoSided(fixed, broken));
    // every question of both splits is in exactly one list
    Set<String> ids = new HashSet<>();
    for (String list : List.of("fixed", "broken", "unchanged")) {
      json.path(list).forEach(id -> assertThat(ids.add(list.charAt(0) + id.asText())).isTrue());
    }
    long questions = Stream.of("train", "test").mapToLong(split -> dev.diaharness.run.JournalReader
        .readAll(run.resolve("iterations/1/eval_" + split + ".jsonl")).stream()
        .map(row -> row.key().questionId()).distinct().count()).sum();
    assertThat(fixed + broken + json.path("unchanged").size()).isEqualTo(questions);
    double accA = json.path("accuracy").path("train").path("a").path("accuracy").asDouble();
    double accB = json.path("accuracy").path("train").path("b").path("accuracy").asDouble();
    assertThat(accB).isGreaterThan(accA);
    assertThat(json.path("accuracy").path("test").path("b").path("ci95_low").asDouble())
        .isLessThanOrEqualTo(json.path("accuracy").path("test").path("b").path("accuracy").asDouble());
    // per split, a fixed question carries the SQL of both sides
    JsonNode firstFixed = json.path("splits").path("train").path("fixed").get(0);
    assertThat(firstFixed.path("sql_a").asText()).isNotEqualTo(firstFixed.path("sql_b").asText());
  }

  @Test
  void theDefaultIsEachRunsBestIterationAndAReversedComparisonIsARegressionForCi() throws Exception {
    CliRun forward = ExampleOptimizeRun.dia("compare", run + ":1", run.toString(), "--fail-on-regression");
    CliRun backward = ExampleOptimizeRun.dia("compare", run.toString(), run + ":1", "--fail-on-regression");
    CliRun backwardReportOnly = ExampleOptimizeRun.dia("compare", run.toString(), run + ":1");

    assertThat(forward.exitCode()).as(forward.out() + forward.err()).isZero();
    assertThat(forward.out()).contains("(best)").contains("B is better").contains("McNemar exact p =");
    assertThat(backward.out()).contains("B is worse");
    JsonNode json = ExampleOptimizeRun.compareJson(run.toString(), run + ":1");
    boolean significant = json.path("p_value").asDouble() < 0.05;
    assertThat(significant).as("the example's improvement is significant").isTrue();
    assertThat(backward.exitCode()).isEqualTo(1);
    assertThat(backward.err()).contains("regression");
    assertThat(backwardReportOnly.exitCode()).isZero();
  }

  @Test
  void theHtmlPageIsWellFormedAndShowsTheSqlOfBothSidesEscaped() throws Exception {
    Path page = work.resolve("out/compare.html");
    CliRun r = ExampleOptimizeRun.dia("compare", run + ":1", run + ":3", "--html", page.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    String html = Files.readString(page);
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(page.toFile());
    assertThat(doc.getElementsByTagName("h2").getLength()).isEqualTo(3); // train, test, and the example's tags
    JsonNode json = ExampleOptimizeRun.compareJson(run + ":1", run + ":3");
    JsonNode fixed = json.path("splits").path("train").path("fixed").get(0);
    assertThat(html).contains(ComparisonHtml.esc(fixed.path("sql_a").asText()))
        .contains(ComparisonHtml.esc(fixed.path("sql_b").asText())).doesNotContain("http://", "https://");
  }

  @Test
  void aMissingRunOrIterationIsBadInputNamingIt() {
    CliRun noRun = ExampleOptimizeRun.dia("compare", work.resolve("nothing").toString(), run.toString());
    CliRun noIteration = ExampleOptimizeRun.dia("compare", run + ":9", run.toString());

    assertThat(noRun.exitCode()).isEqualTo(2);
    assertThat(noRun.err()).contains("nothing");
    assertThat(noIteration.exitCode()).isEqualTo(2);
    assertThat(noIteration.err()).contains("has no iteration 9");
  }
}
