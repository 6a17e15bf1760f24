package dev.diaharness.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.core.InputException;
import java.time.Duration;
import dev.diaharness.testing.Gen;
import dev.diaharness.testing.SeededTest;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing and validation of --fault-rate and --latency-ms, and the metrics window count. */
class PlansTest {
  @Test
  void parsesEveryFaultKind() {
    FaultPlan plan = FaultPlan.parse("--fault-rate", "429=0.05,500=0.01,403=0,failed=0.01,truncate=0.01,consent=0.02");
    assertThat(plan.rates()).containsAllEntriesOf(Map.of(
        FaultPlan.Kind.RATE_LIMITED, 0.05, FaultPlan.Kind.SERVER_ERROR, 0.01, FaultPlan.Kind.FORBIDDEN, 0.0,
        FaultPlan.Kind.FAILED_ANSWER, 0.01, FaultPlan.Kind.TRUNCATED_STREAM, 0.01,
        FaultPlan.Kind.CONSENT_REQUIRED, 0.02));
    assertThat(plan.retryAfter()).isEqualTo(Duration.ofSeconds(1));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "429|is not KIND=RATE",
      "418=0.1|unknown fault kind '418'",
      "429=x|is not a number",
      "429=1.5|must be between 0 and 1",
      "429=0.6,500=0.6|must sum to at most 1",
  })
  void badFaultRatesNameTheFlag(String value, String message) {
    assertThatThrownBy(() -> FaultPlan.parse("--fault-rate", value))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("--fault-rate")
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"100|100|0", "250:50|250|50", "0|0|0"})
  void parsesLatency(String value, long mean, long jitter) {
    assertThat(LatencyPlan.parse("--latency-ms", value))
        .isEqualTo(new LatencyPlan(Duration.ofMillis(mean), Duration.ofMillis(jitter)));
  }

  @ParameterizedTest
  @CsvSource({"abc", "-5", "1:2:3", "10:-1"})
  void badLatencyNamesTheFlag(String value) {
    assertThatThrownBy(() -> LatencyPlan.parse("--latency-ms", value))
        .isInstanceOf(InputException.class).hasMessageStartingWith("--latency-ms");
  }

  @SeededTest(cases = 1000)
  void latencyStaysWithinMeanPlusMinusJitterAndNeverNegative(long seed) {
    Random random = new Random(seed);
    long mean = Gen.longBetween(random, 0, 10_000);
    long jitter = Gen.longBetween(random, 0, 10_000);
    // u is in [0, 1): its two ends one time in four each
    double u = switch (random.nextInt(4)) {
      case 0 -> 0.0;
      case 1 -> Math.nextDown(1.0);
      default -> random.nextDouble();
    };
    Duration d = new LatencyPlan(Duration.ofMillis(mean), Duration.ofMillis(jitter)).sample(u);
    assertThat(d.isNegative()).isFalse();
    assertThat(d.toMillis()).isBetween(Math.max(0, mean - jitter), mean + jitter);
  }

  @Test
  void maxArrivalsWithinAWindow() {
    long s = 1_000_000_000L;
    MetricsSnapshot m = new MetricsSnapshot(5, Map.of(), Map.of(),
        new long[] {0, s / 10, s / 5, 2 * s, 2 * s + 1});
    assertThat(m.maxArrivalsWithin(Duration.ofSeconds(1))).isEqualTo(3);
    assertThat(m.maxArrivalsWithin(Duration.ofMillis(1))).isEqualTo(2);
  }

  @Test
  void arrivalsAreBoundedToTheMostRecent() {
    RequestMetrics metrics = new RequestMetrics(3);
    for (long t = 1; t <= 5; t++) {
      metrics.record("streamAssist", t);
    }
    metrics.record("agents.get", 99);
    MetricsSnapshot snapshot = metrics.snapshot();
    assertThat(snapshot.arrivalNanos()).containsExactly(3, 4, 5);
    assertThat(snapshot.total()).isEqualTo(6);
    assertThat(snapshot.count("streamAssist")).isEqualTo(5);
  }
}
