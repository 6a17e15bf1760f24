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
    if (result.reused()) {
      out.println("Found the existing agent " + result.agentId() + " (" + result.displayName() + ") with this "
          + "display name; it is deployed, and its config was left as it was: use 'evaluate --apply-config' to "
          + "push this config to it.");
    } else {
      out.println("Created agent " + result.agentId() + " (" + result.displayName() + ") and deployed it.");
    }
    result.authorizationName().ifPresent(name -> out.println("Attached OAuth authorization " + name));
    result.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
    out.println();
    out.println("Add this line to .env:");
    out.println("DIA_AGENT_ID=" + result.agentId());
    out.println();
    if (isLocalEmulator()) {
      out.println("This is the local emulator (DIA_ENDPOINT on loopback, project local-project): no authorization "
          + "is needed.");
    } else {
      out.println("Authorize the agent to query BigQuery:");
      result.steps().forEach(step -> out.println("  - " + step));
    }
    return ExitCode.OK.code();
  }

  /**
   * The emulator as `dia-harness emulator` tells to reach it: DIA_ENDPOINT on a loopback address and its project
   * {@code local-project}. There, Cloud-console authorization steps would only mislead.
   */
  private boolean isLocalEmulator() {
    boolean emulatorProject = environment.apply("GOOGLE_CLOUD_PROJECT").map(String::strip)
        .filter("local-project"::equals).isPresent();
    return emulatorProject && environment.apply("DIA_ENDPOINT").map(endpoint -> {
      try {
        String host = java.net.URI.create(endpoint.strip()).getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
            || host.equals("::1"));
      } catch (IllegalArgumentException e) {
        return false;
      }
    }).orElse(false);
  }
}
