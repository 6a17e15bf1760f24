package dev.diaharness.dataset;

import java.nio.file.Path;

/** Test helper run in a second JVM: prints the ids of each set file given, one per line. */
public final class PrintQuestionIds {
  private PrintQuestionIds() {}

  public static void main(String[] args) {
    for (String file : args) {
      GoldenSetLoader.load(Path.of(file)).cases().forEach(c -> System.out.println(c.id()));
    }
  }
}
