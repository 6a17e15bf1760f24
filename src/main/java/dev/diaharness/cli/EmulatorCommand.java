package dev.diaharness.cli;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.core.InputException;
import dev.diaharness.llm.ProviderCalls;
import dev.diaharness.llm.RetrySettings;
import dev.diaharness.llm.openai.OpenAiChatModel;
import dev.diaharness.emulator.DeployFault;
import dev.diaharness.emulator.EmulatorServer;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.LatencyPlan;
import dev.diaharness.emulator.brain.OpenAiBrain;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
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

  @Option(names = "--data", paramLabel = "DIR", description = "Folder of tables (default: the config's local_data).")
  Path data;

  @Option(names = "--brain", paramLabel = "KIND", defaultValue = "retrieval",
      description = "Who writes the SQL: retrieval or openai (default: ${DEFAULT-VALUE}).")
  String brain;

  // the same defaults as evaluate/optimize --embedded, so both emulators answer alike
  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of the brain's sampling and of injected faults and latency (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--temperature", paramLabel = "T", defaultValue = "0.05",
      description = "Sampling temperature, so repeats can disagree; 0 = always the best match "
          + "(default: ${DEFAULT-VALUE}, as evaluate/optimize --embedded).")
  double temperature;

  @Option(names = "--latency-ms", paramLabel = "MEAN[:JITTER]",
      description = "Delay added to each streamAssist call, in ms, with uniform jitter (e.g. 800:200); with "
          + "--latency-p95-ms, the median of a log-normal delay.")
  String latency;

  @Option(names = "--latency-p95-ms", paramLabel = "P95",
      description = "Makes the delay log-normal with --latency-ms as its median and this 95th percentile, in ms "
          + "(e.g. --latency-ms 300 --latency-p95-ms 900).")
  Long latencyP95;

  @Option(names = "--quota-rps", paramLabel = "R",
      description = "Answer 429 RESOURCE_EXHAUSTED, without Retry-After as Google does, above R conversation "
          + "requests (streamAssist, sessions) per second.")
  Double quotaRps;

  @Option(names = "--fault-rate", paramLabel = "KIND=RATE,...",
      description = "Faults injected into streamAssist calls: 429, 500, 403, consent, failed, truncate, skipped, "
          + "cancelled, connector-auth (e.g. 429=0.05,500=0.01,truncate=0.01).")
  String faultRate;

  @Option(names = "--grounded-sql",
      description = "Also send each answer's SQL as a grounding codeSnippet in language SQL, as the API allows.")
  boolean groundedSql;

  @Option(names = "--prose-answers",
      description = "Answer text without the SQL, as recorded from the real service (the SQL follow-up has it).")
  boolean proseAnswers;

  @Option(names = "--deploy-fault", paramLabel = "KIND", defaultValue = "none",
      description = "Make every deploy fail: none, failed (state DEPLOYMENT_FAILED) or operation-error "
          + "(default: ${DEFAULT-VALUE}).")
  String deployFault;

  @Option(names = "--retry-after-seconds", paramLabel = "N", defaultValue = "1",
      description = "Retry-After of injected 429 replies (default: ${DEFAULT-VALUE}).")
  long retryAfterSeconds;

  @Option(names = "--model", paramLabel = "MODEL",
      description = "Model of the openai brain (required with --brain openai).")
  String model;

  @Option(names = "--openai-base-url", paramLabel = "URL",
      description = "OpenAI-compatible endpoint of the openai brain (default: $OPENAI_BASE_URL, else OpenAI's).")
  String openAiBaseUrl;

  @Option(names = "--project", paramLabel = "ID", defaultValue = "local-project",
      description = "Project id in the emulated paths (default: ${DEFAULT-VALUE}).")
  String project;

  @Option(names = "--location", paramLabel = "ID", defaultValue = "global",
      description = "Location in the emulated paths (default: ${DEFAULT-VALUE}).")
  String location;

  @Option(names = "--engine", paramLabel = "ID", defaultValue = "local-engine",
      description = "Engine id in the emulated paths (default: ${DEFAULT-VALUE}).")
  String engine;

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

  private Optional<Double> quota() {
    if (quotaRps != null && !(quotaRps > 0)) {
      throw new InputException("--quota-rps must be > 0 requests/s, got " + quotaRps);
    }
    return Optional.ofNullable(quotaRps);
  }

  private EmulatorServer.Builder builder(AgentConfig config) {
    if (temperature < 0 || Double.isNaN(temperature)) {
      throw new InputException("--temperature must be >= 0, got " + temperature);
    }
    if (retryAfterSeconds < 0) {
      throw new InputException("--retry-after-seconds must be >= 0, got " + retryAfterSeconds);
    }
    EmulatorServer.Builder b = EmulatorServer.builder(config)
        .port(port)
        .seed(seed)
        .temperature(temperature)
        .latency(LatencyPlan.withP95("--latency-p95-ms", latencyP95, LatencyPlan.parse("--latency-ms", latency)))
        .quota(quota())
        .faults(FaultPlan.parse("--fault-rate", faultRate).withRetryAfter(Duration.ofSeconds(retryAfterSeconds)))
        .ids(project, location, engine)
        .groundedSql(groundedSql)
        .proseAnswers(proseAnswers)
        .deployFault(DeployFault.parse("--deploy-fault", deployFault));
    if (data != null) {
      b.dataFolder(data);
    }
    switch (brain) {
      case "retrieval":
        return b;
      case "openai":
        return b.brain(openAiBrain());
      default:
        throw new InputException("--brain: unknown brain '" + brain + "' (known: retrieval, openai)");
    }
  }

  private OpenAiBrain openAiBrain() {
    if (model == null || model.isBlank()) {
      throw new InputException("--model is required with --brain openai");
    }
    String base = Optional.ofNullable(openAiBaseUrl).or(() -> ProcessEnvironment.LOOKUP.apply("OPENAI_BASE_URL"))
        .filter(s -> !s.isBlank()).orElse("https://api.openai.com/v1");
    Optional<String> key = ProcessEnvironment.LOOKUP.apply("OPENAI_API_KEY").filter(s -> !s.isBlank());
    try {
      URI.create(base).toURL();
    } catch (IllegalArgumentException | java.net.MalformedURLException e) {
      throw new InputException("--openai-base-url: '" + base + "' is not a URL");
    }
    String id = "openai:" + model;
    return new OpenAiBrain(new OpenAiChatModel(id, model, base, key, RetrySettings.DEFAULTS,
        new ProviderCalls(RetrySettings.DEFAULTS)), temperature);
  }

  private void print(PrintWriter out, EmulatorServer server, AgentConfig config) {
    out.println("Emulator listening on " + server.baseUrl() + " (brain: " + brain + ", seed " + seed + ")");
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
