package dev.diaharness.cli;

import dev.diaharness.core.ShellWords;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/** The exact command line of a run, for "how to reproduce" in its report. */
final class CommandLines {
  private CommandLines() {}

  /** A command line as given: its arguments after the command's name, and the whole line as a shell would take it. */
  record Given(String line, List<String> args) {}

  static Given of(CommandSpec spec) {
    List<String> all = spec.commandLine().getParseResult().originalArgs(); // from the top: "optimize", "--…"
    int name = all.indexOf(spec.name());
    List<String> args = List.copyOf(all.subList(name + 1, all.size()));
    String line = "dia-harness " + all.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    return new Given(line, args);
  }

  /** The command that continues an interrupted run: its inputs and flags come from the run's run.json. */
  static String resume(String command, java.nio.file.Path runDir) {
    return "dia-harness " + command + " --resume " + ShellWords.quote(runDir.toAbsolutePath().normalize().toString());
  }
}
