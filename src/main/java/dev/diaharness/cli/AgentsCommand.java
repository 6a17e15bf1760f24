package dev.diaharness.cli;

import dev.diaharness.config.AgentConfigJson;
import dev.diaharness.agent.AgentSummary;
import dev.diaharness.agent.PoolNames;
import dev.diaharness.agent.gemini.GeminiApiException;
import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agents list | get ID | prune}. */
@Command(name = "agents", mixinStandardHelpOptions = true,
    description = "List the agents of the engine, print one agent's config, or delete the agent pools.",
    subcommands = {AgentsCommand.ListAgents.class, AgentsCommand.GetAgent.class, PruneAgentsCommand.class})
final class AgentsCommand {

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the engine's agents (all pages).")
  static final class ListAgents implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    /** Where variables come from; tests replace it. */
    Function<String, Optional<String>> environment = ProcessEnvironment.LOOKUP;

    @Override
    public Integer call() {
      List<AgentSummary> agents;
      try {
        agents = GeminiWiring.client(environment).list();
      } catch (GeminiApiException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        return ExitCode.STOPPED.code();
      }
      PrintWriter out = spec.commandLine().getOut();
      int idWidth = Math.max(2, agents.stream().mapToInt(a -> a.id().length()).max().orElse(0));
      int nameWidth = Math.max(12, agents.stream().mapToInt(a -> a.displayName().length()).max().orElse(0));
      int stateWidth = Math.max(5, agents.stream().mapToInt(a -> a.describeState().length()).max().orElse(0));
      String row = "%-" + idWidth + "s  %-" + nameWidth + "s  %-" + stateWidth + "s  %s";
      out.println(String.format(row, "ID", "DISPLAY NAME", "STATE", "POOL").stripTrailing());
      agents.forEach(a -> out.println(
          String.format(row, a.id(), a.displayName(), a.describeState(), poolNote(a)).stripTrailing()));
      long pooled = agents.stream().filter(a -> PoolNames.isPoolAgent(a.displayName())).count();
      out.println(agents.size() + " agent" + (agents.size() == 1 ? "" : "s") + (pooled == 0 ? ""
          : " (" + pooled + " in agent pools of optimize --agent-pool; 'agents prune' deletes them)"));
      return ExitCode.OK.code();
    }

    /** The POOL column: {@code pool 2 of <base display name>}; empty for an agent that is no pool agent. */
    static String poolNote(AgentSummary agent) {
      return PoolNames.baseOf(agent.displayName())
          .map(base -> "pool " + PoolNames.index(agent.displayName()).getAsInt() + " of " + base).orElse("");
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true,
      description = "Print one agent's config in the config-file format.")
  static final class GetAgent implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The agent's numeric id.")
    String agentId;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the config to FILE instead of stdout.")
    Path output;

    /** Where variables come from; tests replace it. */
    Function<String, Optional<String>> environment = ProcessEnvironment.LOOKUP;

    @Override
    public Integer call() throws IOException {
      String json;
      try {
        json = Json.MAPPER.writerWithDefaultPrettyPrinter()
            .writeValueAsString(AgentConfigJson.toJson(GeminiWiring.client(environment).get(agentId), Optional.empty()));
      } catch (GeminiApiException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        return ExitCode.STOPPED.code();
      }
      if (output == null) {
        spec.commandLine().getOut().println(json);
        return ExitCode.OK.code();
      }
      try {
        Files.writeString(output, json + System.lineSeparator());
      } catch (IOException e) {
        throw InputException.inFile(output, "cannot write: " + e.getMessage());
      }
      spec.commandLine().getOut().println("Wrote the config of agent " + agentId + " to " + output);
      return ExitCode.OK.code();
    }
  }
}
