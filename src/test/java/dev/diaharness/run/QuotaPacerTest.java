package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.diaharness.run.TrafficControlTest.FakeTicker;
import org.junit.jupiter.api.Test;

/** The pace learnt from a quota's 429s, on a fake clock. */
class QuotaPacerTest {
  private final FakeTicker ticker = new FakeTicker();
  private final QuotaPacer pacer = new QuotaPacer(ticker);

  /** {@code n} requests evenly over {@code seconds}. */
  private void send(int n, double seconds) throws InterruptedException {
    for (int i = 0; i < n; i++) {
      pacer.beforeRequest();
      ticker.now += (long) (seconds * 1e9 / n);
    }
  }

  @Test
  void nothingIsPacedBeforeTheFirstQuota429() throws InterruptedException {
    send(100, 1);
    assertThat(pacer.rate()).isZero();
  }

  @Test
  void a429PacesToTheRateTheServiceAcceptedLater429sLowerItAndCleanSecondsRaiseIt() throws InterruptedException {
    send(30, 5); // 6 requests/s sent
    pacer.onRefused(); // the last one was refused: 29 accepted in 5 s
    assertThat(pacer.rate()).isCloseTo(5.8, within(1e-6));
    ticker.now += QuotaPacer.STEP.toNanos() / 2;
    pacer.onRefused();
    assertThat(pacer.rate()).as("one change per step").isCloseTo(5.8, within(1e-6));
    ticker.now += QuotaPacer.STEP.toNanos();
    pacer.onRefused();
    double lowered = pacer.rate();
    assertThat(lowered).as("refused again a step later: at least 10 %% lower").isLessThanOrEqualTo(5.8 * 0.9);
    ticker.now += QuotaPacer.STEP.toNanos();
    pacer.beforeRequest();
    assertThat(pacer.rate()).as("a clean step: 5 %% higher").isCloseTo(lowered * 1.05, within(1e-6));
  }

  @Test
  void pacedRequestsAreSpacedAtThePace() throws InterruptedException {
    send(50, 5); // 10/s
    pacer.onRefused(); // 49 accepted in 5 s: 9.8/s
    long start = ticker.now;
    for (int i = 0; i < 10; i++) {
      pacer.beforeRequest(); // 0.92 s in all: within one step, so no probing up
    }
    assertThat(ticker.now - start).as("9 intervals of 1/9.8 s").isBetween(900_000_000L, 930_000_000L);
  }
}
