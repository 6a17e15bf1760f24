package dev.diaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.scoring.Status;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Completeness: every status has a colour, a label and advice, and no two statuses share a colour. */
class StatusStyleTest {
  @ParameterizedTest
  @EnumSource(Status.class)
  void everyStatusHasAColourALabelAndAdvice(Status status) {
    assertThat(StatusStyle.colour(status)).isNotNull();
    assertThat(StatusStyle.hex(status)).matches("#[0-9A-F]{6}");
    assertThat(StatusStyle.label(status)).isNotBlank();
    assertThat(Recommendations.advice(status)).isNotBlank();
  }

  @Test
  void coloursAreDistinct() {
    assertThat(Arrays.stream(Status.values()).map(StatusStyle::hex)).doesNotHaveDuplicates();
  }
}
