package dev.diaharness.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/** Runs the real command line in-process and captures what it prints. */
public final class CliTestSupport {
  /** Exit code and captured output of one invocation. */
  public record CliRun(int exitCode, String out, String err) {}

  private CliTestSupport() {}

  public static CliRun run(String... args) {
    return run(Main.commandLine(), args);
  }

  /**
   * Runs with an explicit environment instead of the process's (so a developer's JUDGEMENT_MODEL or .env cannot
   * leak into a test), and with {@code stdin} as the interactive input of optimize.
   */
  public static CliRun runWithEnv(Map<String, String> env, String stdin, String... args) {
    CommandLine cmd = Main.commandLine();
    java.util.function.Function<String, Optional<String>> lookup = name -> Optional.ofNullable(env.get(name));
    ((EvaluateCommand) cmd.getSubcommands().get("evaluate").getCommand()).environment = lookup;
    ((ScoreCommand) cmd.getSubcommands().get("score").getCommand()).environment = lookup;
    ((ValidateCommand) cmd.getSubcommands().get("validate").getCommand()).environment = lookup;
    OptimizeCommand optimize = (OptimizeCommand) cmd.getSubcommands().get("optimize").getCommand();
    optimize.environment = lookup;
    optimize.input = new java.io.BufferedReader(new java.io.StringReader(stdin));
    DataPullCommand pull = (DataPullCommand) cmd.getSubcommands().get("data").getSubcommands().get("pull")
        .getCommand();
    pull.environment = lookup;
    pull.input = new java.io.BufferedReader(new java.io.StringReader(stdin));
    return run(cmd, args);
  }

  /** Runs {@code cmd} (a {@link Main#commandLine()} a test has set up) with {@code args}, capturing its output. */
  public static CliRun run(CommandLine cmd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
