package dev.diaharness.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line's words as a POSIX shell takes them: {@link #quote} writes a word so the shell reads it back
 * unchanged, {@link #split} reads such a line back into its words. Used for the "how to reproduce" line of a run
 * and for run.json files written before the arguments were stored on their own. Stateless.
 */
public final class ShellWords {
  private ShellWords() {}

  /** The word as-is when it is plain, else single-quoted with {@code '\''} for a quote. */
  public static String quote(String word) {
    return word.matches("[A-Za-z0-9_./:=,@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  /** Splits a line written with {@link #quote} (words, single quotes, backslash escapes) back into its words. */
  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '\'') {
          quoted = false;
        } else {
          word.append(c);
        }
      } else if (c == '\'') {
        quoted = true;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
