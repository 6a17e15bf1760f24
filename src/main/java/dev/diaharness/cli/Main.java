package dev.diaharness.cli;

import picocli.CommandLine;

/** Process entry point: builds the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Process-wide, so set by the entry point: the emulator's JDK HttpServer writes headers and body separately,
    // and with Nagle's algorithm on each small reply waits for the client's delayed ACK (~40 ms). The JDK reads the
    // property once, when the first HttpServer is created. Tests and benchmarks pass it on their command line.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
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
