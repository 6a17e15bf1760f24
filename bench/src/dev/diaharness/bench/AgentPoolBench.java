package dev.diaharness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.core.Json;
import dev.diaharness.emulator.EmulatorServer;
import dev.diaharness.emulator.LatencyPlan;
import dev.diaharness.emulator.MetricsSnapshot;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 17, the agent pool: {@code optimize --optimizer opro --candidates 4 --minibatch 12 --max-iterations 4} (three
 * opro steps, so three screenings) on the shipped example, once with {@code --agent-pool 1} and once with
 * {@code --agent-pool 4} (first run: the pool is created; second run: it is reused). The emulator answers each turn
 * after 200 ms, a deploy takes 2 s, and a PATCH makes the next deploy a real one (so screening a candidate costs its
 * deploy, as against Gemini Enterprise). The optimizer models are this benchmark's own loopback fake: each of the K
 * candidates of a step adds a different true sentence to the schema description. Each run is a child JVM
 * ({@code dia-harness optimize}, reaching the emulator as Gemini Enterprise through the environment); the screening
 * times are the ones the run prints ({@code screened 4 candidates … in X s}), the request counts the emulator's.
 *
 * <p>Arguments: {@code [rounds]} (default 1).
 */
public final class AgentPoolBench {
  static final int CANDIDATES = 4;
  static final int MINIBATCH = 12;
  static final int STEPS = 3;
  static final Duration TURN = Duration.ofMillis(200);
  static final Duration DEPLOY = Duration.ofSeconds(2);
  static final Path CONFIG = Path.of("examples/ecommerce/baseline_config.json");
  static final Path GOLDEN = Path.of("examples/ecommerce/golden_set.json");
  private static final Pattern SCREENED =
      Pattern.compile("screened (\\d+) candidates on (\\d+) training questions on (\\d+) agents? in ([0-9.]+) s");

  /** Twelve true sentences about the example's data, one per candidate of the three steps. */
  static final List<String> SENTENCES = List.of(
      "Every order belongs to exactly one customer through orders.customer_id.",
      "Order dates run from 2021-01-01 to 2025-12-31.",
      "Product prices are current list prices in USD.",
      "A customer's region is NULL when it is unknown.",
      "Cancelled and returned orders are still rows of orders, with that status.",
      "Each product has exactly one of six categories.",
      "Members of the premium program have is_premium set to TRUE.",
      "A product's cost is its unit cost in USD.",
      "Each customer's email address is unique.",
      "The shop has 300 customers, 60 products and 1,500 orders.",
      "signup_channel is NULL when the channel was not recorded.",
      "shipped_date is NULL for an order that has not left the warehouse.");

  private AgentPoolBench() {}

  /** One optimize run: its screening times, wall time and the emulator's request counts during it. */
  record Measured(int pool, String label, List<Double> screenings, List<Integer> agents, double wall,
      long conversationRequests, long streamAssist, long patches, long deploys, long polls, long creates) {
    double screeningTotal() {
      return screenings.stream().mapToDouble(Double::doubleValue).sum();
    }
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    System.out.println("# agent pool: " + Bench.machine());
    System.out.println(Bench.f("# opro, K = %d candidates, --minibatch %d, %d steps; turn %d ms, deploy %d s, "
        + "redeploy after a PATCH", CANDIDATES, MINIBATCH, STEPS, TURN.toMillis(), DEPLOY.toSeconds()));
    System.out.println("| round | --agent-pool | run | screenings (s) | screening total | run wall | conversation "
        + "requests | streamAssist | PATCH | deploy | op polls | creates |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (int round = 1; round <= rounds; round++) {
      Measured one;
      try (EmulatorServer emulator = emulator()) {
        one = run(emulator, 1, "fresh");
        print(round, one);
      }
      try (EmulatorServer emulator = emulator()) {
        Measured created = run(emulator, 4, "pool created");
        print(round, created);
        Measured reused = run(emulator, 4, "pool reused");
        print(round, reused);
        System.out.println(Bench.f("round %d: screening with --agent-pool 4 = %.2f x (pool created) / %.2f x "
            + "(pool reused) of --agent-pool 1; conversation requests %d / %d / %d (%s)", round,
            created.screeningTotal() / one.screeningTotal(), reused.screeningTotal() / one.screeningTotal(),
            one.conversationRequests(), created.conversationRequests(), reused.conversationRequests(),
            one.conversationRequests() == created.conversationRequests()
                && one.conversationRequests() == reused.conversationRequests() ? "identical" : "DIFFERENT"));
        realLatency(one, reused);
      }
    }
  }

  static EmulatorServer emulator() {
    return EmulatorServer.builder(AgentConfigLoader.load(CONFIG)).seed(0).temperature(0)
        .latency(LatencyPlan.parse("latency", Long.toString(TURN.toMillis()))).deployDelay(DEPLOY)
        .redeployAfterPatch(true).start();
  }

  static Measured run(EmulatorServer emulator, int pool, String label) throws Exception {
    Path results = Files.createTempDirectory("agent-pool-bench");
    MetricsSnapshot before = emulator.metrics();
    try (FakeModel model = new FakeModel(AgentConfigLoader.load(CONFIG).schemaDescription())) {
      Map<String, String> env = new HashMap<>(model.env());
      env.putAll(Map.of("GOOGLE_CLOUD_PROJECT", emulator.projectId(), "DIA_LOCATION", emulator.location(),
          "DIA_ENGINE_ID", emulator.engineId(), "DIA_ENDPOINT", emulator.baseUrl(), "DIA_AGENT_ID",
          emulator.agentId(), "BQ_PROJECT_ID", emulator.projectId(), "BQ_DATASET_ID", "local_dataset"));
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp",
          System.getProperty("java.class.path"), "-Djava.awt.headless=true", "dev.diaharness.cli.Main",
          "optimize", "--config-file", CONFIG.toAbsolutePath().toString(),
          "--golden-set", GOLDEN.toAbsolutePath().toString(), "--num-repeats", "1",
          "--max-iterations", Integer.toString(STEPS + 1), "--auto-accept", "--optimizer", "opro",
          "--candidates", Integer.toString(CANDIDATES), "--minibatch", Integer.toString(MINIBATCH),
          "--agent-pool", Integer.toString(pool), "--results-dir", results.toString()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().clear();
      builder.environment().putAll(env);
      long start = System.nanoTime();
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      double wall = (System.nanoTime() - start) / 1e9;
      if (exit != 0) {
        throw new IllegalStateException("optimize exited " + exit + ":\n" + output);
      }
      List<Double> screenings = new ArrayList<>();
      List<Integer> agents = new ArrayList<>();
      Matcher m = SCREENED.matcher(output);
      while (m.find()) {
        screenings.add(Double.parseDouble(m.group(4)));
        agents.add(Integer.parseInt(m.group(3)));
      }
      if (screenings.size() != STEPS) {
        throw new IllegalStateException("expected " + STEPS + " screenings, saw " + screenings.size() + ":\n"
            + output);
      }
      MetricsSnapshot after = emulator.metrics();
      return new Measured(pool, label, screenings, agents, wall,
          delta(before, after, "sessions.create") + delta(before, after, "streamAssist"),
          delta(before, after, "streamAssist"), delta(before, after, "agents.patch"),
          delta(before, after, "agents.deploy"), delta(before, after, "operations.get"),
          delta(before, after, "agents.create"));
    }
  }

  private static long delta(MetricsSnapshot before, MetricsSnapshot after, String endpoint) {
    return after.count(endpoint) - before.count(endpoint);
  }

  private static void print(int round, Measured m) {
    List<String> each = new ArrayList<>();
    for (int i = 0; i < m.screenings().size(); i++) {
      each.add(Bench.f("%.1f (%d)", m.screenings().get(i), m.agents().get(i)));
    }
    System.out.println(Bench.f("| %d | %d | %s | %s | %.1f s | %.1f s | %d | %d | %d | %d | %d | %d |", round,
        m.pool(), m.label(), String.join(", ", each), m.screeningTotal(), m.wall(), m.conversationRequests(),
        m.streamAssist(), m.patches(), m.deploys(), m.polls(), m.creates()));
  }

  /** Conversations in flight at most: the run's adaptive limit starts at 2 × --max-workers (default 10). */
  static final int PLACES = 20;

  /**
   * The shape of one screening: the deploys (in sequence on one agent, at once with one agent per candidate) then
   * the minibatch conversations in waves of at most {@link #PLACES}, each 2 turns (question and SQL follow-up).
   */
  static double modelled(int agents, double deployS, double turnS) {
    int rounds = (int) Math.ceil(CANDIDATES / (double) agents);
    int perRound = Math.min(agents, CANDIDATES);
    int waves = (int) Math.ceil(perRound * MINIBATCH / (double) PLACES);
    return rounds * (deployS + waves * 2 * turnS);
  }

  /**
   * The measured runs against that shape at 200 ms / 2 s (what is left is client, server and scoring time on the
   * loaded machine), and the shape at real latency (turns of 30 s, deploys of 60 s), where that overhead vanishes.
   * An iteration besides screening: deploying the chosen config and evaluating the 47 training questions.
   */
  private static void realLatency(Measured one, Measured pooled) {
    double turnS = TURN.toMillis() / 1000.0;
    double deployS = DEPLOY.toSeconds();
    double oneStep = one.screeningTotal() / STEPS;
    double poolStep = pooled.screeningTotal() / STEPS;
    System.out.println(Bench.f("shape at %d ms / %d s: one screening %.1f s modelled vs %.1f s measured with "
        + "--agent-pool 1; %.1f s modelled vs %.1f s measured with 4 agents", TURN.toMillis(), DEPLOY.toSeconds(),
        modelled(1, deployS, turnS), oneStep, modelled(4, deployS, turnS), poolStep));
    double realTurn = 30;
    double realDeploy = 60;
    int evalWaves = (int) Math.ceil(47 / (double) PLACES);
    double rest = realDeploy + evalWaves * 2 * realTurn;
    double realOne = modelled(1, realDeploy, realTurn);
    double realPool = modelled(4, realDeploy, realTurn);
    System.out.println(Bench.f("real latency (turn %.0f s, deploy %.0f s): one screening %.0f s with --agent-pool 1 "
        + "vs %.0f s with 4 agents (%.2f x); an iteration (deploy %.0f s + evaluation %.0f s + screening) %.0f s vs "
        + "%.0f s (%.2f x)", realTurn, realDeploy, realOne, realPool, realPool / realOne, realDeploy,
        evalWaves * 2 * realTurn, rest + realOne, rest + realPool, (rest + realPool) / (rest + realOne)));
  }

  /**
   * The benchmark's optimizer models: a loopback OpenAI-compatible server. The config analysis asks to change the
   * schema description; improvement call n answers the baseline schema description plus true sentence n (mod 12),
   * so the K candidates of a step are distinct and valid and no step repeats another's.
   */
  static final class FakeModel implements AutoCloseable {
    private final HttpServer server;
    private final String schema;
    private final AtomicInteger improvements = new AtomicInteger();

    FakeModel(String schema) throws IOException {
      this.schema = schema;
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", this::handle);
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
    }

    Map<String, String> env() {
      return Map.of("PROMPT_IMPROVEMENT_MODEL", "openai:bench-model", "CONFIG_ANALYSIS_MODEL", "openai:bench-model",
          "JUDGEMENT_MODEL", "none", "OPENAI_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    private void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
        boolean analysis = body.at("/response_format/json_schema/schema/properties").has("fields");
        var content = Json.MAPPER.createObjectNode();
        if (analysis) {
          content.put("summary", "the schema description leaves facts about the data unsaid");
          content.putArray("fields").addObject().put("field", "schema_description").put("priority", 1)
              .put("rationale", "state facts about the tables the SQL depends on");
        } else {
          int n = improvements.getAndIncrement();
          content.put("rationale", "adds a true fact about the data");
          content.putArray("changes").addObject().put("field", "schema_description")
              .put("text", schema.strip() + "\n\nNote: " + SENTENCES.get(n % SENTENCES.size()));
        }
        var root = Json.MAPPER.createObjectNode().put("id", "chatcmpl-bench").put("model", "bench-model");
        root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
            .putObject("message").put("role", "assistant").put("content", content.toString());
        root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5);
        byte[] out = root.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, out.length);
        exchange.getResponseBody().write(out);
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
