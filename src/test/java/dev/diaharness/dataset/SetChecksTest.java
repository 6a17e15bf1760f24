package dev.diaharness.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetChecksTest {
  private static GoldenSet set(GoldenCase... cases) {
    return new GoldenSet(Path.of("s.json"), List.of(cases));
  }

  @Test
  void repeatedQuestionsIgnoreCaseAndSpacing() {
    GoldenSet s = set(GoldenCase.of("a", "How many?", "S"), GoldenCase.of("b", "other", "S"),
        GoldenCase.of("c", "  how   MANY? ", "S"));
    assertThat(SetChecks.repeatedQuestions(s)).isEqualTo(Map.of("How many?", List.of("a", "c")));
    assertThat(SetChecks.repeatedQuestions(set(GoldenCase.of("a", "x", "S")))).isEmpty();
  }

  @Test
  void sharedQuestionsAreTheLeakage() {
    GoldenSet train = set(GoldenCase.of("a", "How many customers?", "S"), GoldenCase.of("b", "List products", "S"));
    GoldenSet test = set(GoldenCase.of("x", "how many customers?", "S"), GoldenCase.of("y", "Average order?", "S"));
    assertThat(SetChecks.shared(train, test)).extracting(GoldenCase::id).containsExactly("x");
    assertThat(SetChecks.shared(train, set(GoldenCase.of("z", "new", "S")))).isEmpty();
  }
}
