package dev.diaharness.cli;

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
    String line = "dia-harness " + all.stream().map(CommandLines::quote).collect(Collectors.joining(" "));
    return new Given(line, args);
  }

  /**
   * Splits a line written by {@link #quote} (words, single quotes with {@code '\''} for a quote) back into words;
   * used for run.json files written before the arguments were stored on their own.
   */
  static List<String> split(String line) {
    List<String> words = new java.util.ArrayList<>();
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

  /** The command that continues an interrupted run: its inputs and flags come from the run's run.json. */
  static String resume(String command, java.nio.file.Path runDir) {
    return "dia-harness " + command + " --resume " + quote(runDir.toAbsolutePath().normalize().toString());
  }

  static String quote(String arg) {
    return arg.matches("[A-Za-z0-9_./:=,@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
