package dev.diaharness.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.testing.Gen;
import dev.diaharness.testing.SeededTest;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A command line written with {@link ShellWords#quote} reads back into the same words. */
class ShellWordsTest {
  @SeededTest(cases = 200)
  void quotedWordsSplitBackIntoTheSameWords(long seed) {
    Random random = new Random(seed);
    List<String> words = Gen.listOf(random, 0, 6,
        () -> Gen.stringOf(random, "ab -_'\\\"/=.$ é\t", 1, 8));

    String line = words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));

    assertThat(ShellWords.split(line)).as(line).isEqualTo(words);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "--golden-set|--golden-set",
      "a b|'a b'",
      "it's|'it'\\''s'",
      "/tmp/x=1,y@z%2+3:4|/tmp/x=1,y@z%2+3:4"})
  void plainWordsStayAsTheyAreOthersAreSingleQuoted(String word, String quoted) {
    assertThat(ShellWords.quote(word)).isEqualTo(quoted);
  }
}
