package dev.diaharness.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.core.InputException;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The emulator's quota ({@code --quota-rps}) on a fake clock, and its log-normal latency ({@code --latency-p95-ms}). */
class QuotaAndLatencyShapeTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aQuotaAllowsOneSecondsWorthAtOnceThenRefillsAtItsRate() {
    AtomicLong now = new AtomicLong();
    Quota quota = new Quota(6, now::get);
    for (int i = 0; i < 6; i++) {
      assertThat(quota.admit()).as("request %d of the burst", i).isTrue();
    }
    assertThat(quota.admit()).as("the 7th in the same instant").isFalse();
    now.addAndGet(SECOND / 6 + 1);
    assertThat(quota.admit()).as("one sixth of a second refills one").isTrue();
    assertThat(quota.admit()).isFalse();
    now.addAndGet(10 * SECOND);
    int admitted = 0;
    while (quota.admit()) {
      admitted++;
    }
    assertThat(admitted).as("an idle quota never holds more than one second's worth").isEqualTo(6);
  }

  @Test
  void overALongRunTheQuotaAdmitsItsRateAndNoMore() {
    AtomicLong now = new AtomicLong();
    Quota quota = new Quota(20, now::get);
    long admitted = 0;
    for (long t = 0; t < 60 * SECOND; t += SECOND / 1000) { // a request every millisecond for a minute
      now.set(t);
      admitted += quota.admit() ? 1 : 0;
    }
    assertThat(admitted).isBetween(20L * 60, 20L * 60 + 20);
  }

  @Test
  void aLogNormalLatencyHasTheGivenMedianAndP95() {
    LatencyPlan plan = LatencyPlan.logNormal(Duration.ofMillis(300), Duration.ofMillis(900));
    assertThat(plan.sample(0.5).toMillis()).isEqualTo(300);
    assertThat(plan.sample(0.95).toMillis()).isBetween(899L, 901L);
    SplittableRandom random = new SplittableRandom(5);
    long[] draws = new long[20_000];
    for (int i = 0; i < draws.length; i++) {
      draws[i] = plan.sample(random.nextDouble()).toMillis();
    }
    Arrays.sort(draws);
    assertThat(draws[draws.length / 2]).isBetween(285L, 315L);
    assertThat(draws[draws.length * 95 / 100]).isBetween(850L, 950L);
    assertThat(draws[0]).isPositive();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "300:50|900|needs a latency median (without :JITTER)",
      "|900|needs a latency median",
      "300|200|of at most 200 ms",
  })
  void aP95WithoutAPlainMedianBelowItNamesTheFlag(String latency, long p95, String message) {
    assertThatThrownBy(() -> LatencyPlan.withP95("--latency-p95-ms", p95, LatencyPlan.parse("--latency-ms", latency)))
        .isInstanceOf(InputException.class).hasMessageStartingWith("--latency-p95-ms").hasMessageContaining(message);
  }

  @Test
  void withoutAP95TheLatencyStaysUniform() {
    LatencyPlan uniform = LatencyPlan.parse("--latency-ms", "100:20");
    assertThat(LatencyPlan.withP95("--latency-p95-ms", null, uniform)).isSameAs(uniform);
    assertThat(uniform.p95()).isEmpty();
  }
}
