package dev.diaharness.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.dataset.GoldenSetLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcommerceSetGeneratorTest {
  static final Path WORKSPACE = Path.of("examples/ecommerce");

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"golden_set.json", "test_set.json"})
  void regeneratingGivesTheCommittedSetsByteForByte(String file) throws IOException {
    EcommerceSetGenerator.write(dir);
    assertThat(Files.mismatch(dir.resolve(file), WORKSPACE.resolve(file)))
        .as("%s differs from a fresh generation: run EcommerceSetGenerator %s and commit", file, WORKSPACE)
        .isEqualTo(-1L);
  }

  @Test
  void theGeneratedSetsLoadWithTheirTagsAndComplexity() {
    EcommerceSetGenerator.write(dir);
    List<GoldenCase> test = GoldenSetLoader.load(dir.resolve("test_set.json")).cases();
    assertThat(test).hasSize(EcommerceSetGenerator.testSet().size());
    GoldenCase fresh = test.stream().filter(c -> c.id().equals("test-avg_price_in_category-1")).findFirst()
        .orElseThrow();
    assertThat(fresh.tags()).containsExactly("avg_price_in_category", "new_shape");
    assertThat(fresh.complexity()).contains("Simple");
    assertThat(fresh.expectedSql()).isEqualTo(
        "SELECT ROUND(AVG(price), 2) AS avg_price FROM `ecommerce.products` WHERE category = 'Electronics'");
    List<GoldenCase> train = GoldenSetLoader.load(dir.resolve("golden_set.json")).cases();
    assertThat(train).allSatisfy(c -> assertThat(c.tags()).hasSize(2).endsWith("seen_shape"));
  }

  @Test
  void newShapesAreAskedOnlyInTheTestSetAndMakeAtLeastAThirdOfIt() {
    List<EcommerceSetGenerator.Question> test = EcommerceSetGenerator.testSet();
    long fresh = test.stream().filter(q -> q.tags().contains(EcommerceSetGenerator.NEW_SHAPE)).count();
    assertThat(3 * fresh).isGreaterThanOrEqualTo(test.size());
    List<String> trainedShapes = EcommerceSetGenerator.trainingSet().stream().map(q -> q.tags().get(0)).toList();
    test.stream().filter(q -> q.tags().contains(EcommerceSetGenerator.NEW_SHAPE))
        .forEach(q -> assertThat(trainedShapes).doesNotContain(q.tags().get(0)));
  }

  @Test
  void templatesAreFilledInPlaceholderOrderAndAMissingLiteralIsAnError() {
    QuestionShape shape = new QuestionShape("s", QuestionShape.Complexity.SIMPLE,
        "SELECT {1} FROM t WHERE a = '{0}' AND b = {1}", List.of(),
        List.of(new QuestionShape.Phrasing("q", List.of("x$1", "7"))));
    assertThat(shape.sql(shape.test().get(0))).isEqualTo("SELECT 7 FROM t WHERE a = 'x$1' AND b = 7");
    assertThatThrownBy(() -> shape.sql(new QuestionShape.Phrasing("short", List.of("x"))))
        .hasMessageContaining("no literal {1} for 'short'");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "plain | \"plain\"", "say \"hi\" | \"say \\\"hi\\\"\"", "a\\b | \"a\\\\b\"", "'line\nbreak' | \"line\\nbreak\""})
  void stringsAreJsonQuoted(String text, String quoted) {
    assertThat(EcommerceSetGenerator.quoted(text)).isEqualTo(quoted);
  }
}
