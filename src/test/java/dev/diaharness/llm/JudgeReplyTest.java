package dev.diaharness.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.testing.Gen;
import dev.diaharness.testing.SeededTest;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The judge reply schema, checked in code: every rule that makes a reply invalid. */
class JudgeReplyTest {

  static String rubric(int ds, int f, int c, int g, int o, int fmt, int total, String verdict) {
    return String.format("{\"data_source\":%d,\"filtering\":%d,\"columns_aggregation\":%d,\"grouping\":%d,"
        + "\"ordering_limit\":%d,\"format\":%d,\"total\":%d,\"verdict\":\"%s\",\"rationale\":\"r\"}",
        ds, f, c, g, o, fmt, total, verdict);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"data_source\":21,\"filtering\":25,\"columns_aggregation\":25,\"grouping\":15,\"ordering_limit\":10,\"format\":5,\"total\":101,\"verdict\":\"EQUIVALENT\",\"rationale\":\"r\"} | data_source must be within 0..20",
      "{\"data_source\":-1,\"filtering\":25,\"columns_aggregation\":25,\"grouping\":15,\"ordering_limit\":10,\"format\":5,\"total\":79,\"verdict\":\"MOSTLY_CORRECT\",\"rationale\":\"r\"} | data_source must be within",
      "{\"data_source\":\"20\",\"filtering\":25,\"columns_aggregation\":25,\"grouping\":15,\"ordering_limit\":10,\"format\":5,\"total\":100,\"verdict\":\"EQUIVALENT\",\"rationale\":\"r\"} | data_source must be an integer",
      "{\"data_source\":20,\"filtering\":24.5,\"columns_aggregation\":25,\"grouping\":15,\"ordering_limit\":10,\"format\":5,\"total\":100,\"verdict\":\"EQUIVALENT\",\"rationale\":\"r\"} | filtering must be an integer",
      "{\"data_source\":20,\"filtering\":25,\"columns_aggregation\":25,\"grouping\":15,\"ordering_limit\":10,\"total\":95,\"verdict\":\"EQUIVALENT\",\"rationale\":\"r\"} | format must be an integer",
      "{\"data_source\":20,\"filtering\":25,\"columns_aggregation\":25,\"grouping\":15,\"ordering_limit\":10,\"format\":5,\"total\":90,\"verdict\":\"EQUIVALENT\",\"rationale\":\"r\"} | is not the sum",
      "{\"data_source\":20,\"filtering\":25,\"columns_aggregation\":25,\"grouping\":15,\"ordering_limit\":10,\"format\":5,\"total\":100,\"verdict\":\"MOSTLY_CORRECT\",\"rationale\":\"r\"} | contradicts the total",
      "{\"data_source\":20,\"filtering\":25,\"columns_aggregation\":25,\"grouping\":15,\"ordering_limit\":10,\"format\":5,\"total\":100,\"verdict\":\"PERFECT\",\"rationale\":\"r\"} | unknown verdict",
      "{\"data_source\":20,\"filtering\":25,\"columns_aggregation\":25,\"grouping\":15,\"ordering_limit\":10,\"format\":5,\"total\":100,\"verdict\":\"EQUIVALENT\"} | rationale must be a string",
      "[1, 2] | not a JSON object",
      "The queries look EQUIVALENT to me. | not JSON"})
  void invalidFlexibleRepliesSayWhy(String reply, String reason) {
    assertThatThrownBy(() -> JudgeReply.parse(JudgeMode.FLEXIBLE, reply))
        .isInstanceOf(InvalidJudgeReplyException.class).hasMessageContaining(reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"verdict\":\"NOT EQUIVALENT\",\"counterexample\":\"x\",\"rationale\":\"r\"}",
      "{\"verdict\":\"equivalent\",\"counterexample\":\"\",\"rationale\":\"r\"}",
      "{\"verdict\":\"NOT_EQUIVALENT\",\"counterexample\":\"  \",\"rationale\":\"r\"}",
      "{\"verdict\":\"EQUIVALENT\",\"rationale\":\"r\"}",
      ""})
  void invalidBinaryRepliesAreRejected(String reply) {
    assertThatThrownBy(() -> JudgeReply.parse(JudgeMode.BINARY, reply)).isInstanceOf(InvalidJudgeReplyException.class);
  }

  @ParameterizedTest
  @CsvSource({"100, EQUIVALENT", "90, EQUIVALENT", "89, MOSTLY_CORRECT", "75, MOSTLY_CORRECT",
      "74, PARTIALLY_CORRECT", "50, PARTIALLY_CORRECT", "49, MOSTLY_INCORRECT", "25, MOSTLY_INCORRECT",
      "24, INCORRECT", "0, INCORRECT"})
  void verdictBandsAre90_75_50_25(int total, RubricVerdict verdict) {
    assertThat(RubricVerdict.forTotal(total)).isEqualTo(verdict);
    assertThat(verdict.passes()).isEqualTo(total >= 75);
  }

  @ParameterizedTest
  @ValueSource(strings = {"```json\n%s\n```", "  %s  ", "```\n%s\n```"})
  void aFencedOrPaddedValidReplyIsRead(String wrapper) throws Exception {
    String valid = rubric(20, 25, 25, 15, 10, 5, 100, "EQUIVALENT");
    JudgeReply reply = JudgeReply.parse(JudgeMode.FLEXIBLE, String.format(wrapper, valid));
    assertThat(((JudgeReply.Rubric) reply).scores()).isEqualTo(CategoryScores.FULL);
  }

  @SeededTest(cases = 1000)
  void everyConsistentRubricIsAcceptedAndRoundTripsThroughTheCacheForm(long seed) throws Exception {
    Random random = new Random(seed);
    int ds = Gen.intBetween(random, 0, 20);
    int f = Gen.intBetween(random, 0, 25);
    int c = Gen.intBetween(random, 0, 25);
    int g = Gen.intBetween(random, 0, 15);
    int o = Gen.intBetween(random, 0, 10);
    int fmt = Gen.intBetween(random, 0, 5);
    int total = ds + f + c + g + o + fmt;
    RubricVerdict band = RubricVerdict.forTotal(total);
    JudgeReply reply = JudgeReply.parse(JudgeMode.FLEXIBLE, rubric(ds, f, c, g, o, fmt, total, band.name()));
    assertThat(((JudgeReply.Rubric) reply).scores().total()).isEqualTo(total);
    assertThat(JudgeReply.fromJson(JudgeMode.FLEXIBLE, reply.toJson())).isEqualTo(reply);
  }

  /** Every (data_source, filtering) pair, so every total from 55 to 100 meets every claimed verdict. */
  @ParameterizedTest
  @EnumSource(RubricVerdict.class)
  void aVerdictOutsideTheTotalsBandIsAlwaysRejected(RubricVerdict claimed) {
    for (int ds = 0; ds <= 20; ds++) {
      for (int f = 0; f <= 25; f++) {
        int total = ds + f + 25 + 15 + 10 + 5;
        if (claimed == RubricVerdict.forTotal(total)) {
          continue;
        }
        String reply = rubric(ds, f, 25, 15, 10, 5, total, claimed.name());
        assertThatThrownBy(() -> JudgeReply.parse(JudgeMode.FLEXIBLE, reply)).as(reply)
            .isInstanceOf(InvalidJudgeReplyException.class);
      }
    }
  }
}
