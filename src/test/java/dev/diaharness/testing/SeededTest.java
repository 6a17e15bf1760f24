package dev.diaharness.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.AnnotationBasedArgumentsProvider;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * A property-style test run once per seed 1..{@link #cases()}: the method takes {@code long seed} and builds its
 * input from {@code new Random(seed)} (with {@link Gen}), so a failing case is named "seed N" and reproduces exactly.
 * <pre>{@code
 * @SeededTest(cases = 500)
 * void normalizeIsIdempotent(long seed) {
 *   Random random = new Random(seed);
 *   …
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "seed {0}")
@ArgumentsSource(SeededTest.Seeds.class)
public @interface SeededTest {
  /** How many seeds: the test runs with 1, 2, …, cases. */
  int cases();

  /** The seeds of one {@link SeededTest} method. */
  final class Seeds extends AnnotationBasedArgumentsProvider<SeededTest> {
    @Override
    protected Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters,
        ExtensionContext context, SeededTest test) {
      return Gen.seeds(test.cases()).mapToObj(Arguments::of);
    }
  }
}
