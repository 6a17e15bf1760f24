package dev.diaharness.cli;

import dev.diaharness.agent.gemini.DeployService;
import dev.diaharness.agent.gemini.GeminiApiException;
import dev.diaharness.config.AgentConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deploy}: create (or reuse by display name) and deploy the agent of a config. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = "Create the agent from the config (or reuse the one with the same display name), deploy it, "
        + "wait for the operation, and print its id and the authorization steps.")
final class DeployCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--config-file", paramLabel = "FILE", required = true, description = "Agent config (JSON).")
  Path configFile;

  /** Where variables come from; tests replace it. */
  Function<String, Optional<String>> environment = ProcessEnvironment.LOOKUP;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DeployService.Result result;
    try {
      result = new DeployService(GeminiWiring.client(environment)).deploy(AgentConfigLoader.load(configFile));
    } catch (GeminiApiException e) {
      spec.commandLine().getErr().println("error: deploy failed: " + e.getMessage());
      return ExitCode.STOPPED.code();
    }
    out.println((result.reused() ? "Reused existing agent " : "Created agent ") + result.agentId()
        + " (" + result.displayName() + ") and deployed it.");
    if (result.reused()) {
      out.println("The existing agent was not changed; use 'evaluate --apply-config' to push this config to it.");
    }
    result.authorizationName().ifPresent(name -> out.println("Attached OAuth authorization " + name));
    result.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
    out.println();
    out.println("Add this line to .env:");
    out.println("DIA_AGENT_ID=" + result.agentId());
    out.println();
    out.println("Authorize the agent to query BigQuery:");
    result.steps().forEach(step -> out.println("  - " + step));
    return ExitCode.OK.code();
  }
}
