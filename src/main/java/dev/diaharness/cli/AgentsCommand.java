package dev.diaharness.cli;

import dev.diaharness.core.NotBuiltYetException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code agents list | get ID}. */
@Command(name = "agents", mixinStandardHelpOptions = true,
    description = "List the agents of the engine, or print one agent's config.",
    subcommands = {AgentsCommand.ListAgents.class, AgentsCommand.GetAgent.class})
final class AgentsCommand {

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the engine's agents (all pages).")
  static final class ListAgents implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
      throw new NotBuiltYetException("the Gemini Enterprise client (agents list)");
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true,
      description = "Print one agent's config in the config-file format.")
  static final class GetAgent implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "ID", description = "The agent's numeric id.")
    String agentId;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the config to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() {
      throw new NotBuiltYetException("the Gemini Enterprise client (agents get)");
    }
  }
}
