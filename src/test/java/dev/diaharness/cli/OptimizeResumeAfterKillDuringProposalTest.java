package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.core.Json;
import dev.diaharness.optimize.ConfigSnapshot;
import dev.diaharness.optimize.IterationRecord;
import dev.diaharness.optimize.Trajectory;
import dev.diaharness.run.ItemKey;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.JournalReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code optimize --optimizer opro} killed with SIGKILL while the proposer waits for its config analysis model —
 * a real kill in the middle of a proposal, not a run folder edited to look like one — then {@code --resume}: the
 * evaluated iteration is not asked again (its items come from the journal), the proposal is made afresh after the
 * resume, the next iteration is evaluated with exactly the proposed config, and the run ends with a best config.
 * The models are a loopback OpenAI-compatible fake in this JVM whose first analysis request never answers.
 */
class OptimizeResumeAfterKillDuringProposalTest {
  static final int TRAIN_ITEMS = EvaluateCommandTest.TRAIN_QUESTIONS; // one repeat, no test set
  static final String ADDED_RULE =
      " When a question names a period, filter on the order date to exactly that period.";

  @TempDir Path work;

  static List<String> optimizeArgs(Path results, String... extra) {
    List<String> args = new ArrayList<>(List.of("optimize", "--embedded",
        "--config-file", EvaluateResumeAfterKillTest.config().toString(),
        "--golden-set", Path.of(EvaluateCommandTest.TRAIN).toAbsolutePath().toString(),
        "--num-repeats", "1", "--max-iterations", "2", "--auto-accept", "--optimizer", "opro",
        "--candidates", "2", "--minibatch", "6", "--emulator-temperature", "0",
        "--results-dir", results.toString()));
    args.addAll(List.of(extra));
    return args;
  }

  static Map<String, String> modelEnv(ChatFake fake) {
    // JUDGEMENT_MODEL=none: otherwise the judge role falls back to PROMPT_IMPROVEMENT_MODEL and its requests would
    // mix with the proposer's
    return Map.of("PROMPT_IMPROVEMENT_MODEL", "openai:fake-model", "CONFIG_ANALYSIS_MODEL", "openai:fake-model",
        "JUDGEMENT_MODEL", "none", "OPENAI_BASE_URL", fake.baseUrl());
  }

  @Test
  void killedWhileTheProposerWaitsForItsModelItProposesAgainWithoutAskingTheEvaluatedIterationAgain()
      throws Exception {
    Path results = Files.createDirectories(work.resolve("results"));
    String baselinePrompt = AgentConfigLoader.load(EvaluateResumeAfterKillTest.config()).nl2sqlPrompt();
    try (ChatFake fake = new ChatFake(baselinePrompt.strip() + ADDED_RULE)) {
      KilledProcess.runAndKill(work, modelEnv(fake), fake::holdingAnAnalysis, Duration.ofSeconds(120),
          optimizeArgs(results).toArray(String[]::new));
      fake.releaseHeld();
      Path run = OptimizeResumeAfterKillTest.runDir(results);

      // the state the kill left: iteration 1 evaluated and recorded, its proposal not made
      List<JsonNode> beforeKill = fake.takeRequests();
      assertThat(beforeKill).as("killed in the analysis call, before any improvement call")
          .singleElement().satisfies(r -> assertThat(ChatFake.isAnalysis(r)).isTrue());
      Trajectory before = OptimizeResumeAfterKillTest.trajectory(run);
      assertThat(before.iterations()).singleElement().satisfies(r -> {
        assertThat(r.iteration()).isEqualTo(1);
        assertThat(r.suggested()).as("no proposal yet").isEmpty();
      });
      assertThat(before.endReason()).isNull();
      assertThat(run.resolve("configs/config_iteration_1_suggested.json")).doesNotExist();
      assertThat(run.resolve("configs/best_config.json")).doesNotExist();
      List<ItemResult> rowsBefore = JournalReader.readAll(run.resolve("journal.jsonl"));
      assertThat(rowsBefore).hasSize(TRAIN_ITEMS).allSatisfy(r -> assertThat(r.key().iteration()).isEqualTo(1));

      CliRun resumed = CliTestSupport.runWithEnv(modelEnv(fake), "",
          optimizeArgs(results, "--resume", run.toString()).toArray(String[]::new));

      assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
      assertThat(resumed.out()).contains("ended: reached --max-iterations 2");
      // the proposal was made after the resume: one analysis, then the two candidates
      List<JsonNode> afterResume = fake.takeRequests();
      assertThat(afterResume.stream().filter(ChatFake::isAnalysis)).hasSize(1);
      assertThat(afterResume.stream().filter(r -> !ChatFake.isAnalysis(r))).hasSize(2)
          .allSatisfy(r -> assertThat(r.path("temperature").asDouble()).isEqualTo(1.0));

      Trajectory after = OptimizeResumeAfterKillTest.trajectory(run);
      assertThat(after.iterations()).extracting(IterationRecord::iteration).containsExactly(1, 2);
      IterationRecord first = after.iterations().get(0);
      IterationRecord second = after.iterations().get(1);
      assertThat(first.config().hash()).isEqualTo(before.iterations().get(0).config().hash());
      assertThat(first.results().metrics().get("train"))
          .isEqualTo(before.iterations().get(0).results().metrics().get("train"));
      assertThat(first.suggested().map(ConfigSnapshot::hash)).as("the interrupted proposal was made")
          .hasValue(OptimizeResumeAfterKillTest.configHash(run, "config_iteration_1_suggested.json"));
      assertThat(second.config().hash()).as("iteration 2 evaluated the proposed config")
            .isEqualTo(first.suggested().orElseThrow().hash());
      OptimizeResumeAfterKillTest.assertRecordsChain(run, after.iterations());
      AgentConfig evaluatedSecond = AgentConfigLoader.load(run.resolve("configs/config_iteration_2.json"));
      assertThat(evaluatedSecond.nl2sqlPrompt()).as("the candidate the fake wrote").startsWith(baselinePrompt.strip())
          .contains(ADDED_RULE.strip());

      // the journal: iteration 1's rows kept as they were, then exactly iteration 2's, every key once
      List<ItemResult> rows = JournalReader.readAll(run.resolve("journal.jsonl"));
      assertThat(rows.subList(0, rowsBefore.size())).isEqualTo(rowsBefore);
      assertThat(rows.subList(rowsBefore.size(), rows.size())).as("no iteration 1 item asked again")
          .hasSize(TRAIN_ITEMS).allSatisfy(r -> assertThat(r.key().iteration()).isEqualTo(2));
      Set<ItemKey> keys = new HashSet<>();
      rows.forEach(r -> assertThat(keys.add(r.key())).as("asked twice: %s", r.key()).isTrue());

      assertThat(after.endReason()).isEqualTo("reached --max-iterations 2");
      assertThat(after.bestDeployed()).isTrue();
      assertThat(after.bestIteration()).isIn(1, 2);
      assertThat(run.resolve("configs/best_config.json")).exists();
      assertThat(OptimizeResumeAfterKillTest.configHash(run, "best_config.json"))
          .isEqualTo(after.iterations().get(after.bestIteration() - 1).config().hash());
    }
  }

  /**
   * The opro proposer's models: a loopback OpenAI-compatible chat server. The first config analysis request is
   * held without an answer (the kill point); later ones are answered at once with a plan to change nl2sql_prompt,
   * and each improvement request with {@code improvedPrompt} plus a numbered sentence, so the K candidates differ.
   * Records every request. Thread-safe.
   */
  static final class ChatFake implements AutoCloseable {
    private final HttpServer server;
    private final String improvedPrompt;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final AtomicBoolean holdNextAnalysis = new AtomicBoolean(true);
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger candidates = new AtomicInteger();

    ChatFake(String improvedPrompt) throws IOException {
      this.improvedPrompt = improvedPrompt;
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", this::handle);
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** True once the held analysis request has arrived: the child is inside the proposal. */
    boolean holdingAnAnalysis() {
      return held.getCount() == 0;
    }

    /** Lets the held request's thread go (its client is dead by then). */
    void releaseHeld() {
      release.countDown();
    }

    /** The requests recorded since the last call. */
    synchronized List<JsonNode> takeRequests() {
      List<JsonNode> taken = List.copyOf(requests);
      requests.removeAll(taken);
      return taken;
    }

    /** The analysis request carries the analysis schema (its "fields" list); an improvement one has "changes". */
    static boolean isAnalysis(JsonNode request) {
      return request.at("/response_format/json_schema/schema/properties").has("fields");
    }

    private void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(body);
        boolean analysis = isAnalysis(body);
        if (analysis && holdNextAnalysis.compareAndSet(true, false)) {
          held.countDown();
          release.await(180, TimeUnit.SECONDS);
          return; // the process that asked was killed: nobody reads an answer
        }
        String content = analysis ? OproChatFake.analysisReply()
            : OproChatFake.improvementReply(improvedPrompt, candidates.incrementAndGet());
        byte[] out = OproChatFake.openAiReply(content).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, out.length);
        exchange.getResponseBody().write(out);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() {
      release.countDown();
      server.stop(0);
    }
  }
}
