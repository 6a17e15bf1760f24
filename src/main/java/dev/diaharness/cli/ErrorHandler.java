package dev.diaharness.cli;

import dev.diaharness.agent.AgentAccessDeniedException;
import dev.diaharness.core.InputException;
import dev.diaharness.core.RunStoppedException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Maps exceptions from below the CLI to exit codes and one line on stderr: {@link InputException} and a missing
 * authorization 2, {@link RunStoppedException} (budget, service) 4, anything else 3. Stack traces only with
 * {@code --verbose}. picocli's own default (exit 1) would look like a failed quality gate, hence this handler.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (e instanceof InputException) {
      err.println("error: " + e.getMessage());
      printTraceIfVerbose(e, err, parsed);
      return ExitCode.BAD_INPUT.code();
    }
    if (e instanceof AgentAccessDeniedException denied) {
      err.println("error: " + denied.getMessage());
      denied.authorizationUri().ifPresent(uri -> err.println("  authorize at: " + uri));
      denied.steps().forEach(step -> err.println("  - " + step));
      printTraceIfVerbose(e, err, parsed);
      return ExitCode.BAD_INPUT.code();
    }
    if (e instanceof RunStoppedException) {
      // a spent budget or a failing service: not the user's input and not a failed gate; what was written stays
      err.println("stopped: " + e.getMessage());
      printTraceIfVerbose(e, err, parsed);
      return ExitCode.STOPPED.code();
    }
    err.println("internal error: " + e + " (run with --verbose for details; please report it)");
    printTraceIfVerbose(e, err, parsed);
    return ExitCode.INTERNAL.code();
  }

  private static void printTraceIfVerbose(Exception e, PrintWriter err, ParseResult parsed) {
    if (isVerbose(parsed)) {
      e.printStackTrace(err);
    }
  }

  private static boolean isVerbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
