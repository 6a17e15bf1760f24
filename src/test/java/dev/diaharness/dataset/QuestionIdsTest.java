package dev.diaharness.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.testing.Gen;
import dev.diaharness.testing.SeededTest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionIdsTest {
  @Test
  void isPinned() {
    // a literal: ids are stored in run directories and compared across runs, so they must never move
    assertThat(QuestionIds.derive("How many customers are there?")).isEqualTo("q_379bd1315fa2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"How many customers are there?", "  How many customers are there?  ",
      "How  many\tcustomers\nare there?", "How many customers are there?\r\n"})
  void whitespaceDoesNotChangeTheId(String question) {
    assertThat(QuestionIds.derive(question)).isEqualTo("q_379bd1315fa2");
  }

  @Test
  void unicodeFormsAgree() {
    assertThat(QuestionIds.derive("Caf\u00e9 sales?")).isEqualTo(QuestionIds.derive("Cafe\u0301 sales?"));
  }

  @Test
  void differentQuestionsGetDifferentIds() {
    assertThat(QuestionIds.derive("How many customers are there?"))
        .isNotEqualTo(QuestionIds.derive("How many customers are there"))
        .isNotEqualTo(QuestionIds.derive("how many customers are there?"));
  }

  @SeededTest(cases = 1000)
  void idShapeAndWhitespaceInvariance(long seed) {
    String question = Gen.anyString(new Random(seed), 100);
    String id = QuestionIds.derive(question);
    assertThat(id).matches("q_[0-9a-f]{12}");
    assertThat(QuestionIds.derive(" \n" + question.replace(" ", "   ") + "\t")).isEqualTo(id);
  }
}
