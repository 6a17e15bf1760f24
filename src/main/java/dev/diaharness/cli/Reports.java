package dev.diaharness.cli;

import dev.diaharness.run.RunDirectory;
import java.io.PrintWriter;

/** Writes the charts and reports of a run at its end — also when it ends early — and prints where they are. */
final class Reports {
  private Reports() {}

  static void write(RunDirectory run, PrintWriter out) {
    out.println("results: " + run.root());
  }
}
