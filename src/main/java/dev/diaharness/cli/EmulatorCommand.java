package dev.diaharness.cli;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.emulator.EmulatorServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emulator}: the local Gemini-Enterprise-compatible agent server, in the foreground. */
@Command(name = "emulator", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Start the local Gemini-Enterprise-compatible agent server in the foreground.",
        "It holds one ENABLED agent built from the config and answers with the offline retrieval brain "
            + "(a lexical baseline, not an LLM) or an OpenAI-compatible model.",
        "Example: dia-harness emulator --config-file examples/ecommerce/baseline_config.json --port 8765"})
final class EmulatorCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8765",
      description = "Loopback port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--config-file", paramLabel = "FILE", required = true,
      description = "Agent config the emulator starts with (one ENABLED agent).")
  Path configFile;

  @Mixin DataFolderMixin dataFolder;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of the brain's sampling and of injected faults and latency (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin EmulatorOptionsMixin emulator;

  /** For tests: start, print, stop at once instead of serving until interrupted. */
  @Option(names = "--exit-after-start", hidden = true,
      description = "Start, print the connection lines and stop at once (for tests).")
  boolean exitAfterStart;

  @Override
  public Integer call() throws InterruptedException {
    AgentConfig config = AgentConfigLoader.load(configFile);
    EmulatorServer server = builder(config).start();
    print(spec.commandLine().getOut(), server, config);
    if (exitAfterStart) {
      server.close();
      return ExitCode.OK.code();
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "emulator-shutdown"));
    stopped.await();
    return ExitCode.OK.code();
  }

  private EmulatorServer.Builder builder(AgentConfig config) {
    EmulatorServer.Builder b = EmulatorServer.builder(config).port(port);
    emulator.settings(seed, EmbeddedEmulatorFlags.Names.STANDALONE).applyTo(b);
    dataFolder.given().ifPresent(b::dataFolder);
    return b;
  }

  private void print(PrintWriter out, EmulatorServer server, AgentConfig config) {
    out.println("Emulator listening on " + server.baseUrl() + " (brain: " + emulator.brain + ", seed " + seed + ")");
    out.println("Agent: " + config.displayName() + " (id " + server.agentId() + "), state ENABLED, "
        + config.nl2sqlExamples().size() + " examples");
    out.println("Point dia-harness at it (add to .env or export):");
    out.println("  DIA_ENDPOINT=" + server.baseUrl());
    out.println("  DIA_BIGQUERY_ENDPOINT=" + server.bigQueryUrl());
    out.println("  GOOGLE_CLOUD_PROJECT=" + server.projectId());
    out.println("  DIA_LOCATION=" + server.location());
    out.println("  DIA_ENGINE_ID=" + server.engineId());
    out.println("  DIA_AGENT_ID=" + server.agentId());
    if (!exitAfterStart) {
      out.println("Press Ctrl+C to stop.");
    }
    out.flush();
  }
}
