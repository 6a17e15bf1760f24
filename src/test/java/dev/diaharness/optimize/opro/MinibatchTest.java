package dev.diaharness.optimize.opro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.testing.Gen;
import dev.diaharness.testing.SeededTest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The seeded screening minibatch. */
class MinibatchTest {
  private static final TrainingEvidence EVIDENCE = TrainingEvidence.of(OproFixtures.trainRows(1));

  @Test
  void mixesFailuresAndSuccessesHalfAndHalf() {
    List<GoldenCase> batch = Minibatch.sample(OproFixtures.TRAIN, EVIDENCE, 6, 42, 2);
    assertThat(batch.stream().filter(c -> EVIDENCE.isFailure(c.id()))).hasSize(3);
    assertThat(batch.stream().filter(c -> EVIDENCE.isSuccess(c.id()))).hasSize(3);
  }

  @Test
  void topsUpFromSuccessesWhenThereAreFewFailures() {
    List<GoldenCase> batch = Minibatch.sample(OproFixtures.TRAIN, EVIDENCE, 10, 42, 2);
    assertThat(batch.stream().filter(c -> EVIDENCE.isFailure(c.id()))).hasSize(4); // all four failures
    assertThat(batch).hasSize(10);
  }

  @Test
  void theSameSeedAndIterationGiveTheSameSampleAndAnotherIterationSamplesAfresh() {
    List<GoldenCase> a = Minibatch.sample(OproFixtures.TRAIN, EVIDENCE, 4, 7, 3);
    assertThat(Minibatch.sample(OproFixtures.TRAIN, EVIDENCE, 4, 7, 3)).isEqualTo(a);
    boolean differs = false;
    for (int iteration = 4; iteration < 20 && !differs; iteration++) {
      differs = !Minibatch.sample(OproFixtures.TRAIN, EVIDENCE, 4, 7, iteration).equals(a);
    }
    assertThat(differs).isTrue();
  }

  @SeededTest(cases = 500)
  void aSampleOfTrainingQuestionsInSetOrderWithoutRepeats(long caseSeed) {
    Random random = new Random(caseSeed);
    int size = Gen.intBetween(random, 1, 20);
    long seed = Gen.anyLong(random);
    int iteration = Gen.intBetween(random, 1, 50);
    List<GoldenCase> batch = Minibatch.sample(OproFixtures.TRAIN, EVIDENCE, size, seed, iteration);
    assertThat(batch).hasSize(Math.min(size, OproFixtures.TRAIN.size())).doesNotHaveDuplicates();
    assertThat(OproFixtures.TRAIN.stream().filter(batch::contains).toList()).isEqualTo(batch);
    long failures = batch.stream().filter(c -> EVIDENCE.isFailure(c.id())).count();
    assertThat(failures).isEqualTo(Math.min(4, Math.max((size + 1) / 2, size - 8)));
  }
}
