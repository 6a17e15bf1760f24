package dev.diaharness.cli;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/** The exact command line of a run, for "how to reproduce" in its report. */
final class CommandLines {
  private CommandLines() {}

  static String of(CommandSpec spec) {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    return "dia-harness " + args.stream().map(CommandLines::quote).collect(Collectors.joining(" "));
  }

  private static String quote(String arg) {
    return arg.matches("[A-Za-z0-9_./:=,@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
