package dev.diaharness.cli;

import dev.diaharness.core.InputException;
import dev.diaharness.emulator.DeployFault;
import dev.diaharness.emulator.EmulatorSettings;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.LatencyPlan;
import dev.diaharness.emulator.brain.Brain;
import dev.diaharness.emulator.brain.OpenAiBrain;
import dev.diaharness.llm.ProviderCalls;
import dev.diaharness.llm.RetrySettings;
import dev.diaharness.llm.openai.OpenAiChatModel;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The flags of how the emulator answers, declared once for both emulators: the {@code emulator} command shows them
 * as written here; {@code evaluate} and {@code optimize} take them for their {@code --embedded} emulator under
 * {@code --emulator-…} names, hidden ({@link EmbeddedEmulatorFlags}). {@link #settings} turns them into the one
 * {@link EmulatorSettings} record, each bad value named by the flag as its command spells it.
 */
final class EmulatorOptionsMixin {
  @Option(names = "--brain", paramLabel = "KIND", defaultValue = "retrieval",
      description = "Who writes the SQL: retrieval or openai (default: ${DEFAULT-VALUE}).")
  String brain;

  // the same defaults for the emulator command and --embedded, so both emulators answer alike
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

  /**
   * The settings these flags give, with {@code seed} (the emulator's own {@code --seed}, or the run's).
   *
   * @param flags how the host command spells the flags, for the messages
   * @throws InputException naming the flag whose value is wrong
   */
  EmulatorSettings settings(long seed, EmbeddedEmulatorFlags.Names flags) {
    if (!(temperature >= 0)) {
      throw new InputException(flags.of("--temperature") + " must be >= 0, got " + temperature);
    }
    if (retryAfterSeconds < 0) {
      throw new InputException(flags.of("--retry-after-seconds") + " must be >= 0, got " + retryAfterSeconds);
    }
    if (quotaRps != null && !(quotaRps > 0)) {
      throw new InputException(flags.of("--quota-rps") + " must be > 0 requests/s, got " + quotaRps);
    }
    LatencyPlan latencyPlan = LatencyPlan.withP95(flags.of("--latency-p95-ms"), latencyP95,
        LatencyPlan.parse(flags.of("--latency-ms"), latency));
    FaultPlan faults = FaultPlan.parse(flags.of("--fault-rate"), faultRate)
        .withRetryAfter(Duration.ofSeconds(retryAfterSeconds));
    return new EmulatorSettings(seed, temperature, latencyPlan, faults, Optional.ofNullable(quotaRps),
        new EmulatorSettings.Answers(groundedSql, proseAnswers), DeployFault.parse(flags.of("--deploy-fault"),
            deployFault), brain(flags), new EmulatorSettings.Ids(project, location, engine));
  }

  private Optional<Brain> brain(EmbeddedEmulatorFlags.Names flags) {
    switch (brain) {
      case "retrieval":
        return Optional.empty();
      case "openai":
        return Optional.of(openAiBrain(flags));
      default:
        throw new InputException(flags.of("--brain") + ": unknown brain '" + brain + "' (known: retrieval, openai)");
    }
  }

  private OpenAiBrain openAiBrain(EmbeddedEmulatorFlags.Names flags) {
    if (model == null || model.isBlank()) {
      throw new InputException(flags.of("--model") + " is required with " + flags.of("--brain") + " openai");
    }
    String base = Optional.ofNullable(openAiBaseUrl).or(() -> ProcessEnvironment.LOOKUP.apply("OPENAI_BASE_URL"))
        .filter(s -> !s.isBlank()).orElse("https://api.openai.com/v1");
    Optional<String> key = ProcessEnvironment.LOOKUP.apply("OPENAI_API_KEY").filter(s -> !s.isBlank());
    try {
      URI.create(base).toURL();
    } catch (IllegalArgumentException | java.net.MalformedURLException e) {
      throw new InputException(flags.of("--openai-base-url") + ": '" + base + "' is not a URL");
    }
    return new OpenAiBrain(new OpenAiChatModel("openai:" + model, model, base, key, RetrySettings.DEFAULTS,
        new ProviderCalls(RetrySettings.DEFAULTS)), temperature);
  }
}
