package dev.diaharness.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.core.InputException;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.ScoringInput;
import dev.diaharness.scoring.Status;
import dev.diaharness.scoring.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The judge end to end against a loopback OpenAI-compatible fake. */
class LlmJudgeTest {
  static final String SCHEMA = "orders(order_id, customer_id, status, created_at): one row per order";
  static final GoldenCase CASE = GoldenCase.of("q1", "How many orders shipped?",
      "SELECT COUNT(*) FROM orders WHERE status = 'SHIPPED'");
  static final String GENERATED = "SELECT COUNT(order_id) FROM orders WHERE status = 'SHIPPED'";
  static final String GOOD_RUBRIC = "{\"data_source\":20,\"filtering\":25,\"columns_aggregation\":20,\"grouping\":15,"
      + "\"ordering_limit\":10,\"format\":5,\"total\":95,\"verdict\":\"EQUIVALENT\",\"rationale\":\"COUNT(order_id) "
      + "equals COUNT(*) since order_id is never NULL.\"}";
  static final String SUM_MISMATCH = GOOD_RUBRIC.replace("\"total\":95", "\"total\":100");
  static final String BAND_MISMATCH = GOOD_RUBRIC.replace("\"verdict\":\"EQUIVALENT\"", "\"verdict\":\"MOSTLY_CORRECT\"");

  @TempDir Path cacheDir;
  FakeLlmServer server;
  final UsageLedger ledger = new UsageLedger(PriceTable.builtIn());

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  ChatModel judgeModel(Function<FakeLlmServer.Recorded, FakeLlmServer.Reply> responder) throws Exception {
    server = new FakeLlmServer(responder);
    return ModelRoles.fromEnvironment(name -> Optional.ofNullable(Map.of(
        "JUDGEMENT_MODEL", "openai:gpt-4o-mini", "OPENAI_BASE_URL", server.baseUrl()).get(name)),
        RetrySettings.fastForTests(2)).judge().orElseThrow();
  }

  static FakeLlmServer.Reply reply(String content) {
    return FakeLlmServer.Reply.json(FakeLlmServer.openAiReply(content, 1000, 100));
  }

  LlmJudge judge(ChatModel model, JudgeMode mode) {
    return new LlmJudge(model, mode, JudgeCache.at(cacheDir), ledger);
  }

  static ScoringInput input(String generated) {
    return new ScoringInput(CASE, Optional.ofNullable(generated), "I count shipped orders", "There are 42.", SCHEMA);
  }

  @Test
  void flexibleReplyBecomesAJudgedPassWithItsCategoriesAndTheRequestIsDeterministicJson() throws Exception {
    var stage = new JudgeStage(judge(judgeModel(r -> reply(GOOD_RUBRIC)), JudgeMode.FLEXIBLE));

    Verdict verdict = stage.decide(input(GENERATED)).orElseThrow();

    assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
    assertThat(verdict.status()).isEqualTo(Status.JUDGED);
    assertThat(verdict.categories()).isEqualTo(new CategoryScores(20, 25, 20, 15, 10, 5));
    assertThat(verdict.evidence().details()).containsEntry("judge_verdict", "EQUIVALENT")
        .containsEntry("judge_model", "openai:gpt-4o-mini");
    assertThat(verdict.evidence().summary()).contains("COUNT(order_id)");
    var sent = server.requests().get(0).body();
    assertThat(sent.path("temperature").asDouble()).isZero();
    assertThat(sent.at("/response_format/type").asText()).isEqualTo("json_schema");
    String user = sent.path("messages").get(1).path("content").asText();
    assertThat(user).contains(SCHEMA).contains(GENERATED).contains(CASE.expectedSql()).contains(CASE.question())
        .contains("I count shipped orders").contains("There are 42.");
    assertThat(ledger.byRole().get(UsageRole.JUDGE).calls()).isEqualTo(1);
  }

  @Test
  void mostlyCorrectPassesAndPartiallyCorrectFails() throws Exception {
    String mostly = "{\"data_source\":20,\"filtering\":20,\"columns_aggregation\":20,\"grouping\":10,"
        + "\"ordering_limit\":5,\"format\":5,\"total\":80,\"verdict\":\"MOSTLY_CORRECT\",\"rationale\":\"close\"}";
    String partial = "{\"data_source\":20,\"filtering\":10,\"columns_aggregation\":10,\"grouping\":10,"
        + "\"ordering_limit\":5,\"format\":5,\"total\":60,\"verdict\":\"PARTIALLY_CORRECT\",\"rationale\":\"off\"}";
    var judge = judge(judgeModel(r -> reply(r.body().toString().contains("PARTIAL_CASE") ? partial : mostly)),
        JudgeMode.FLEXIBLE);
    assertThat(judge.judge(query(GENERATED)).outcome()).isEqualTo(Outcome.PASS);
    Verdict failed = judge.judge(query(GENERATED + " -- PARTIAL_CASE"));
    assertThat(failed.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(failed.score()).isEqualTo(60);
  }

  static JudgeQuery query(String generated) {
    return JudgeQuery.of(input(generated));
  }

  @Test
  void noSqlIsNeverJudgedAndCostsNoCall() throws Exception {
    var stage = new JudgeStage(judge(judgeModel(r -> reply(GOOD_RUBRIC)), JudgeMode.FLEXIBLE));
    assertThat(stage.decide(input(null))).isEmpty();
    assertThat(stage.decide(input("   "))).isEmpty();
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void anInconsistentReplyIsRetriedOnceThenUndecided() throws Exception {
    for (String bad : List.of(SUM_MISMATCH, BAND_MISMATCH, "not json", "{\"data_source\":20.5}")) {
      var judge = judge(judgeModel(r -> reply(bad)), JudgeMode.FLEXIBLE);
      Verdict verdict = judge.judge(query(GENERATED));
      assertThat(verdict.outcome()).as(bad).isEqualTo(Outcome.UNDECIDED);
      assertThat(verdict.status()).isEqualTo(Status.UNSUPPORTED);
      assertThat(verdict.score()).isZero();
      assertThat(verdict.evidence().summary()).startsWith("judge reply invalid: ");
      assertThat(server.requests()).as(bad).hasSize(2);
      assertThat(server.requests().get(1).body().path("messages").get(1).path("content").asText())
          .contains("PREVIOUS REPLY WAS REJECTED");
      server.close();
    }
  }

  @Test
  void anInvalidReplyFollowedByAValidOneDecides() throws Exception {
    var judge = judge(judgeModel(r -> reply(server.requests().size() == 1 ? SUM_MISMATCH : GOOD_RUBRIC)),
        JudgeMode.FLEXIBLE);
    assertThat(judge.judge(query(GENERATED)).outcome()).isEqualTo(Outcome.PASS);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void invalidRepliesAreNotCached() throws Exception {
    var judge = judge(judgeModel(r -> reply(SUM_MISMATCH)), JudgeMode.FLEXIBLE);
    judge.judge(query(GENERATED));
    server.respondWith(r -> reply(GOOD_RUBRIC));
    assertThat(judge.judge(query(GENERATED)).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void binaryNotEquivalentIsAFailWithTheCounterexampleNeverAPass() throws Exception {
    String notEquivalent = "{\"verdict\":\"NOT_EQUIVALENT\",\"counterexample\":\"orders: (1, NULL, 'SHIPPED') -> "
        + "3 vs 2\",\"rationale\":\"NULL ids are not counted\"}";
    var judge = judge(judgeModel(r -> reply(notEquivalent)), JudgeMode.BINARY);
    Verdict verdict = judge.judge(query(GENERATED));
    assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(verdict.categories()).isEqualTo(CategoryScores.ZERO);
    assertThat(verdict.evidence().details()).containsEntry("counterexample", "orders: (1, NULL, 'SHIPPED') -> 3 vs 2");
    String system = server.requests().get(0).body().path("messages").get(0).path("content").asText();
    assertThat(system).contains("counterexample").contains("NOT_EQUIVALENT");
  }

  @Test
  void binaryEquivalentPassesWithFullScore() throws Exception {
    var judge = judge(judgeModel(r -> reply("{\"verdict\":\"EQUIVALENT\",\"counterexample\":\"\","
        + "\"rationale\":\"none found\"}")), JudgeMode.BINARY);
    Verdict verdict = judge.judge(query(GENERATED));
    assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
    assertThat(verdict.score()).isEqualTo(100);
  }

  @Test
  void aProviderThatStaysDownLeavesTheAnswerUndecidedNeverAPass() throws Exception {
    var judge = judge(judgeModel(r -> FakeLlmServer.Reply.status(500)), JudgeMode.FLEXIBLE);
    Verdict verdict = judge.judge(query(GENERATED));
    assertThat(verdict.outcome()).isEqualTo(Outcome.UNDECIDED);
    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.evidence().summary()).startsWith("judge unavailable: ").contains("HTTP 500");
    assertThat(server.requests()).hasSize(3); // first attempt + 2 retries, then fail closed
  }

  @Test
  void aRejectedKeyIsAConfigurationErrorNotAVerdict() throws Exception {
    var judge = judge(judgeModel(r -> FakeLlmServer.Reply.status(403)), JudgeMode.FLEXIBLE);
    assertThatThrownBy(() -> judge.judge(query(GENERATED))).isInstanceOf(InputException.class)
        .hasMessageContaining("OPENAI_API_KEY");
  }

  @Test
  void threeConcurrentRepeatsOfOnePairMakeOneCall() throws Exception {
    ChatModel model = judgeModel(r -> reply(GOOD_RUBRIC));
    JudgeCache cache = JudgeCache.at(cacheDir);
    var judge = new LlmJudge(model, JudgeMode.FLEXIBLE, cache, ledger);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Verdict>> repeats = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        repeats.add(pool.submit(() -> judge.judge(query(GENERATED))));
      }
      for (Future<Verdict> repeat : repeats) {
        assertThat(repeat.get().outcome()).isEqualTo(Outcome.PASS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.requests()).hasSize(1);
    assertThat(cache.stats()).isEqualTo(new JudgeCache.Stats(2, 1, 0));
    assertThat(ledger.total().calls()).isEqualTo(1);
  }

  @Test
  void theCacheIsSharedAcrossJudgeInstancesAndKeyedByTheSchema() throws Exception {
    ChatModel model = judgeModel(r -> reply(r.body().toString().contains("NOT_EQUIVALENT")
        ? "{\"verdict\":\"EQUIVALENT\",\"counterexample\":\"\",\"rationale\":\"same\"}" : GOOD_RUBRIC));
    judge(model, JudgeMode.FLEXIBLE).judge(query(GENERATED));
    judge(model, JudgeMode.FLEXIBLE).judge(query(GENERATED));
    assertThat(server.requests()).hasSize(1);

    var newSchema = new ScoringInput(CASE, Optional.of(GENERATED), "", "", SCHEMA + " (status is upper case)");
    judge(model, JudgeMode.FLEXIBLE).judge(JudgeQuery.of(newSchema));
    judge(model, JudgeMode.BINARY).judge(query(GENERATED)); // another mode is another key
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void bypassCallsTheModelEveryTime() throws Exception {
    ChatModel model = judgeModel(r -> reply(GOOD_RUBRIC));
    var judge = new LlmJudge(model, JudgeMode.FLEXIBLE, JudgeCache.bypass(), ledger);
    for (int i = 0; i < 3; i++) {
      judge.judge(query(GENERATED));
    }
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void theBudgetStopsTheJudgeBeforeItCalls() throws Exception {
    ChatModel model = judgeModel(r -> reply(GOOD_RUBRIC));
    // gpt-4o-mini: 0.15/0.60 USD per 1M; the worst case of one judge call is about 8192 * 0.6e-6 = 0.0049 USD
    var judge = new LlmJudge(model, JudgeMode.FLEXIBLE, JudgeCache.bypass(), ledger,
        Optional.of(new Budget(0.001, ledger)));
    assertThatThrownBy(() -> judge.judge(query(GENERATED))).isInstanceOf(BudgetExceededException.class);
    assertThat(server.requests()).isEmpty();
  }
}
