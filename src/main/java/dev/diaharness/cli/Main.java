package dev.diaharness.cli;

import picocli.CommandLine;

/** Process entry point: builds the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The fully wired command line; tests use it with their own out/err writers. */
  public static CommandLine commandLine() {
    return new CommandLine(new DiaHarnessCommand())
        .setExecutionExceptionHandler(new ErrorHandler())
        .setParameterExceptionHandler((ex, args) -> {
          ex.getCommandLine().getErr().println("error: " + ex.getMessage());
          ex.getCommandLine().getErr().println("(see '" + ex.getCommandLine().getCommandName() + " --help')");
          return ExitCode.BAD_INPUT.code();
        });
  }
}
