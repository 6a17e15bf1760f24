package dev.diaharness.cli;

import picocli.CommandLine.Option;

/** Flags every command takes. */
final class CommonOptions {
  @Option(names = "--verbose", description = "Print stack traces and debug detail on errors.")
  boolean verbose;
}
