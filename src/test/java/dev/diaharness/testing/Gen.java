package dev.diaharness.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * Small seeded generators for property-style tests: a {@link SeededTest} (one case per seed of {@link #seeds(int)})
 * builds its input from {@code new Random(seed)}, so a failing case is named by its seed and reproduces exactly.
 *
 * <p>Numbers hit their bounds about one time in eight, since bugs live at the edges. This class is stateless and
 * thread-safe; the {@link Random} passed in is not.
 */
public final class Gen {
  private static final String WHITESPACE = " \t\n\r\u000b\f\u00a0\u2007\u2028\u3000";

  private Gen() {}

  /** The seeds 1..count, one per test case. */
  public static LongStream seeds(int count) {
    return LongStream.rangeClosed(1, count);
  }

  /** An int in [min, max], either bound one time in eight. */
  public static int intBetween(Random random, int min, int max) {
    return (int) longBetween(random, min, max);
  }

  /** A long in [min, max], either bound one time in eight. */
  public static long longBetween(Random random, long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
    int edge = random.nextInt(16);
    if (edge == 0) {
      return min;
    }
    if (edge == 1) {
      return max;
    }
    return min + Math.floorMod(random.nextLong(), max - min + 1); // ranges here are far below Long.MAX_VALUE
  }

  /** Any long, with 0, ±1, MIN_VALUE and MAX_VALUE one time in eight. */
  public static long anyLong(Random random) {
    long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE};
    return random.nextInt(8) == 0 ? edges[random.nextInt(edges.length)] : random.nextLong();
  }

  /** One of the given values, uniformly. */
  @SafeVarargs
  public static <T> T oneOf(Random random, T... values) {
    return values[random.nextInt(values.length)];
  }

  /** One of the given values, uniformly. */
  public static <T> T oneOf(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A list of min..max elements, each made by {@code element}. */
  public static <T> List<T> listOf(Random random, int min, int max, Supplier<T> element) {
    int size = intBetween(random, min, max);
    List<T> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(element.get());
    }
    return list;
  }

  /** A string of min..max characters drawn from {@code chars}. */
  public static String stringOf(Random random, String chars, int minLength, int maxLength) {
    int length = intBetween(random, minLength, maxLength);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(chars.charAt(random.nextInt(chars.length())));
    }
    return out.toString();
  }

  /** 0..maxParts of {@code tokens} joined with {@code separator}: SQL-shaped (or any token-shaped) noise. */
  public static String tokens(Random random, List<String> tokens, int maxParts, String separator) {
    return String.join(separator, listOf(random, 0, maxParts, () -> oneOf(random, tokens)));
  }

  /**
   * Any UTF-16 text of 0..maxLength chars: ASCII, control characters, Unicode whitespace, Latin-1, any BMP char
   * (lone surrogates included) and supplementary characters as surrogate pairs. What a hostile reply may contain.
   */
  public static String anyString(Random random, int maxLength) {
    int length = intBetween(random, 0, maxLength);
    StringBuilder out = new StringBuilder(length);
    while (out.length() < length) {
      switch (random.nextInt(6)) {
        case 0, 1 -> out.append((char) (0x20 + random.nextInt(0x5f)));
        case 2 -> out.append((char) random.nextInt(0x20));
        case 3 -> out.append(WHITESPACE.charAt(random.nextInt(WHITESPACE.length())));
        case 4 -> out.append((char) (0xa0 + random.nextInt(0x160)));
        default -> {
          if (random.nextBoolean()) {
            out.append((char) random.nextInt(0x10000));
          } else {
            out.appendCodePoint(0x10000 + random.nextInt(0x100000));
          }
        }
      }
    }
    return out.toString();
  }

  /** Like {@link #anyString} but whole characters only (no lone surrogate): text that can be written as UTF-8. */
  public static String anyWellFormedString(Random random, int maxLength) {
    String text = anyString(random, maxLength);
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
