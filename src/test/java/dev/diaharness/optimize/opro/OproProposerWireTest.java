package dev.diaharness.optimize.opro;

import static dev.diaharness.optimize.opro.OproFixtures.PROMPT;
import static dev.diaharness.optimize.opro.OproFixtures.TEST;
import static dev.diaharness.optimize.opro.OproFixtures.TRAIN;
import static dev.diaharness.optimize.opro.OproFixtures.analysisReply;
import static dev.diaharness.optimize.opro.OproFixtures.config;
import static dev.diaharness.optimize.opro.OproFixtures.context;
import static dev.diaharness.optimize.opro.OproFixtures.promptReply;
import static dev.diaharness.optimize.opro.OproFixtures.tried;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.llm.ChatModel;
import dev.diaharness.optimize.ConfigField;
import dev.diaharness.optimize.Proposal;
import dev.diaharness.optimize.ProposalContext;
import dev.diaharness.optimize.ProposalValidator;
import dev.diaharness.optimize.ProposerException;
import dev.diaharness.optimize.RejectedAlternative;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The opro proposer end to end against a loopback OpenAI-compatible fake that records every request. */
class OproProposerWireTest {
  private static final ProposalValidator VALIDATOR = new ProposalValidator(sql -> !sql.isBlank());

  /** Replies to the analyst with {@code analysis} and to the improver from a queue (then the last one again). */
  private static Function<JsonNode, FakeChatServer.Reply> script(String analysis, String... improvements) {
    ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(List.of(improvements));
    String last = improvements[improvements.length - 1];
    return body -> body.path("model").asText().equals("analyst") ? FakeChatServer.Reply.ok(analysis)
        : FakeChatServer.Reply.ok(Optional.ofNullable(queue.poll()).orElse(last));
  }

  private static OproProposer proposer(FakeChatServer server, OproOptions options, Optional<CandidateScreen> screen) {
    ChatModel[] models = OproFixtures.models(server);
    return new OproProposer(models[0], models[1], VALIDATOR, options, screen);
  }

  private static String rule(String name) {
    return PROMPT + "- " + name + ": when the question names a period, filter order_date to that period.\n";
  }

  @Test
  void theTestSetNeverReachesAModel() throws Exception {
    try (var server = new FakeChatServer(script(analysisReply("nl2sql_prompt", "nl2sql_examples"),
        "{\"rationale\":\"r\",\"changes\":[{\"field\":\"nl2sql_prompt\",\"text\":" + quote(rule("RULE-A"))
            + "},{\"field\":\"nl2sql_examples\",\"examples\":[{\"query\":\"Revenue 2024\",\"expected_sql\":"
            + "\"SELECT SUM(total_amount) FROM orders\",\"expected_response\":\"\"}]}]}"))) {
      AgentConfig c1 = config(PROMPT);
      Proposal proposal = proposer(server, OproOptions.defaults(), Optional.empty())
          .propose(context(2, c1, List.of(tried(1, c1, 0.5))));

      assertThat(proposal.changes()).isNotEmpty();
      assertThat(server.requests()).hasSize(1 + 4);
      for (JsonNode request : server.requests()) {
        String wire = request.toString();
        for (GoldenCase held : TEST) {
          assertThat(wire).doesNotContain(held.question()).doesNotContain(held.expectedSql())
              .doesNotContain("HELD-OUT");
        }
      }
      // while the training evidence does reach it: failures with their evidence, and successes
      String improvement = FakeChatServer.user(server.requestsTo("improver").get(0));
      assertThat(improvement).contains(TRAIN.get(0).question(), "rows differ: 3 missing",
          "the agent ignored the year filter on order_date for tr1", TRAIN.get(5).question());
    }
  }

  @Test
  void theMetaPromptListsPastConfigsWorstToBestWithTheirFullText() throws Exception {
    String longTail = "- Keep this whole: " + "every sentence of a long prompt matters. ".repeat(150) + "END-OF-";
    AgentConfig c1 = config(PROMPT + longTail + "ONE\n");
    AgentConfig c2 = config(PROMPT + longTail + "TWO\n");
    AgentConfig c3 = config(PROMPT + longTail + "THREE\n");
    try (var server = new FakeChatServer(script(analysisReply("nl2sql_prompt"),
        promptReply(c3.nl2sqlPrompt() + "- RULE-A: years are calendar years.\n")))) {
      ProposalContext ctx = context(3, c3,
          List.of(tried(1, c1, 0.50), tried(2, c2, 0.75), tried(3, c3, 0.25)));
      proposer(server, OproOptions.defaults().withCandidates(1), Optional.empty()).propose(ctx);

      String user = FakeChatServer.user(server.requestsTo("improver").get(0));
      String trajectory = user.substring(0, user.indexOf("## The current configuration"));
      int worst = trajectory.indexOf("<config iteration=\"3\" training_accuracy=\"25.0%\">");
      int middle = trajectory.indexOf("<config iteration=\"1\" training_accuracy=\"50.0%\">");
      int best = trajectory.indexOf("<config iteration=\"2\" training_accuracy=\"75.0%\">");
      assertThat(worst).isNotNegative().isLessThan(middle);
      assertThat(middle).isLessThan(best);
      assertThat(c1.nl2sqlPrompt().length()).isGreaterThan(6000);
      assertThat(trajectory).contains(c1.nl2sqlPrompt().strip(), c2.nl2sqlPrompt().strip(),
          c3.nl2sqlPrompt().strip());
      assertThat(user).contains("scores higher than the best (75.0%)");
    }
  }

  @Test
  void overTheTokenBudgetTheLowestScoringPastConfigsAreDroppedNeverCut() throws Exception {
    String longTail = "A long paragraph that must stay whole. ".repeat(100);
    AgentConfig low = config(PROMPT + longTail + "LOW\n");
    AgentConfig high = config(PROMPT + longTail + "HIGH\n");
    int oneConfigTokens = (int) PastConfigs.estimateTokens(PastConfigs.render(tried(2, high, 0.9),
        List.of(ConfigField.NL2SQL_PROMPT)));
    try (var server = new FakeChatServer(script(analysisReply("nl2sql_prompt"),
        promptReply(low.nl2sqlPrompt() + "- RULE-A: years are calendar years.\n")))) {
      OproOptions options = OproOptions.defaults().withCandidates(1).withTrajectoryTokenBudget(oneConfigTokens + 10);
      proposer(server, options, Optional.empty())
          .propose(context(3, low, List.of(tried(1, low, 0.4), tried(2, high, 0.9))));

      String user = FakeChatServer.user(server.requestsTo("improver").get(0));
      String trajectory = user.substring(0, user.indexOf("## The current configuration"));
      assertThat(trajectory).contains(high.nl2sqlPrompt().strip()).doesNotContain("iteration=\"1\"")
          .doesNotContain("LOW");
    }
  }

  @Test
  void kCandidatesAreRequestedInParallelAtTemperatureOne() throws Exception {
    try (var server = new FakeChatServer(script(analysisReply("nl2sql_prompt"),
        promptReply(rule("RULE-A")), promptReply(rule("RULE-B")), promptReply(rule("RULE-C")),
        promptReply(rule("RULE-D"))))) {
      server.holdUntilInFlight("improver", 4);
      AgentConfig c1 = config(PROMPT);
      Proposal proposal = proposer(server, OproOptions.defaults().withCandidates(4), Optional.empty())
          .propose(context(2, c1, List.of(tried(1, c1, 0.5))));

      List<JsonNode> improvements = server.requestsTo("improver");
      assertThat(improvements).hasSize(4);
      assertThat(server.maxInFlight()).isEqualTo(4);
      assertThat(improvements).allSatisfy(r -> assertThat(r.path("temperature").asDouble()).isEqualTo(1.0));
      assertThat(improvements).allSatisfy(r ->
          assertThat(r.at("/response_format/type").asText()).isEqualTo("json_schema"));
      assertThat(proposal.changes()).singleElement().satisfies(c -> {
        assertThat(c.field()).isEqualTo(ConfigField.NL2SQL_PROMPT);
        assertThat(c.after()).containsPattern("RULE-[ABCD]");
        assertThat(c.rationale()).contains("fixes tr1 and tr3", "added a rule for year filters");
      });
      assertThat(proposal.rejected()).hasSize(3).allSatisfy(r -> assertThat(r.reason()).startsWith("not chosen"));
    }
  }

  @Test
  void candidatesRepeatingATriedConfigOrAnotherCandidateAreDropped() throws Exception {
    AgentConfig c1 = config(PROMPT);
    AgentConfig c2 = config(rule("RULE-OLD"));
    try (var server = new FakeChatServer(script(analysisReply("nl2sql_prompt"),
        promptReply(c1.nl2sqlPrompt()), promptReply(rule("RULE-OLD")), promptReply(rule("RULE-NEW")),
        promptReply(rule("RULE-NEW"))))) {
      Proposal proposal = proposer(server, OproOptions.defaults(), Optional.empty())
          .propose(context(3, c2, List.of(tried(1, c1, 0.4), tried(2, c2, 0.5))));

      assertThat(proposal.changes()).singleElement()
          .satisfies(c -> assertThat(c.after()).contains("RULE-NEW").doesNotContain("RULE-OLD"));
      assertThat(proposal.rejected()).extracting(RejectedAlternative::reason)
          .anySatisfy(r -> assertThat(r).isEqualTo("repeats a config already tried in this run"))
          .anySatisfy(r -> assertThat(r).startsWith("duplicates candidate"))
          .anySatisfy(r -> assertThat(r).startsWith("changes nothing"));
      assertThat(proposal.rejected()).hasSize(3);
    }
  }

  @Test
  void candidatesTheValidatorRejectsAreSetAsideWithTheRejectedText() throws Exception {
    String sql = "SELECT SUM(total_amount) FROM orders WHERE order_date >= '2024-01-01' GROUP BY customer_id";
    try (var server = new FakeChatServer(script(analysisReply("nl2sql_prompt"), promptReply(sql),
        promptReply("Short."), promptReply(rule("RULE-OK"))))) {
      AgentConfig c1 = config(PROMPT);
      Proposal proposal = proposer(server, OproOptions.defaults().withCandidates(3), Optional.empty())
          .propose(context(2, c1, List.of(tried(1, c1, 0.5))));

      assertThat(proposal.changes()).singleElement().satisfies(c -> assertThat(c.after()).contains("RULE-OK"));
      assertThat(proposal.rejected()).anySatisfy(r -> {
        assertThat(r.reason()).contains("not SQL");
        assertThat(r.changes()).singleElement().satisfies(c -> assertThat(c.after()).isEqualTo(sql));
      }).anySatisfy(r -> assertThat(r.reason()).contains("below 70%"));
    }
  }

  @Test
  void theScreenPicksTheBestCandidateOnATrainingMinibatch() throws Exception {
    List<List<GoldenCase>> screened = new CopyOnWriteArrayList<>();
    // RULE-B fixes every question, RULE-A half of the failures, RULE-C none; successes keep passing
    CandidateScreen screen = (candidate, minibatch) -> {
      screened.add(minibatch);
      Map<String, Boolean> passed = new HashMap<>();
      String p = candidate.nl2sqlPrompt();
      for (GoldenCase c : minibatch) {
        int n = Integer.parseInt(c.id().substring(2));
        passed.put(c.id(), n > 4 || p.contains("RULE-B") || (p.contains("RULE-A") && n <= 2));
      }
      return new MinibatchResult(passed);
    };
    try (var server = new FakeChatServer(script(analysisReply("nl2sql_prompt"),
        promptReply(rule("RULE-A")), promptReply(rule("RULE-B")), promptReply(rule("RULE-C"))))) {
      AgentConfig c1 = config(PROMPT);
      Proposal proposal = proposer(server, OproOptions.defaults().withCandidates(3).withMinibatchSize(6),
          Optional.of(screen)).propose(context(2, c1, List.of(tried(1, c1, 0.5))));

      assertThat(proposal.changes()).singleElement().satisfies(c -> assertThat(c.after()).contains("RULE-B"));
      assertThat(proposal.summary()).contains("minibatch 6/6 vs current 3/6");
      assertThat(screened).hasSize(3).allSatisfy(m -> {
        assertThat(m).hasSize(6).isSubsetOf(TRAIN);
        assertThat(m).isEqualTo(screened.get(0));
      });
      assertThat(proposal.rejected()).hasSize(2).allSatisfy(r -> assertThat(r.reason()).startsWith("not chosen"));
    }
  }

  @Test
  void aCandidateSignificantlyWorseThanTheCurrentConfigIsNotAccepted() throws Exception {
    CandidateScreen breaksEverything = (candidate, minibatch) -> new MinibatchResult(Map.of());
    try (var server = new FakeChatServer(script(analysisReply("nl2sql_prompt"), promptReply(rule("RULE-A")),
        promptReply(rule("RULE-B"))))) {
      AgentConfig c1 = config(PROMPT);
      Proposal proposal = proposer(server, OproOptions.defaults().withCandidates(2).withMinibatchSize(12),
          Optional.of(breaksEverything)).propose(context(2, c1, List.of(tried(1, c1, 0.5))));

      assertThat(proposal.isEmpty()).isTrue();
      assertThat(proposal.summary()).contains("significantly worse", "broke 8", "p=0.004");
      assertThat(proposal.rejected()).anySatisfy(r -> assertThat(r.reason()).startsWith("significantly worse"));
    }
  }

  @Test
  void anInvalidAnalysisIsRetriedOnceThenTheProposerFails() throws Exception {
    try (var server = new FakeChatServer(script(
        "{\"summary\":\"x\",\"fields\":[{\"field\":\"sql_prompt\",\"priority\":1,\"rationale\":\"r\"}]}",
        promptReply(rule("RULE-A"))))) {
      AgentConfig c1 = config(PROMPT);
      OproProposer proposer = proposer(server, OproOptions.defaults(), Optional.empty());
      assertThatThrownBy(() -> proposer.propose(context(2, c1, List.of(tried(1, c1, 0.5)))))
          .isInstanceOf(ProposerException.class).hasMessageContaining("unusable reply twice")
          .hasMessageContaining("unknown field \"sql_prompt\"");

      List<JsonNode> analyses = server.requestsTo("analyst");
      assertThat(analyses).hasSize(2);
      assertThat(FakeChatServer.user(analyses.get(1))).contains("YOUR PREVIOUS REPLY WAS REJECTED: unknown field");
      assertThat(server.requestsTo("improver")).isEmpty();
    }
  }

  @Test
  void aCorrectedAnalysisIsUsed() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    String missingRationale = "{\"summary\":\"x\",\"fields\":[{\"field\":\"nl2sql_prompt\",\"priority\":1}]}";
    try (var server = new FakeChatServer(body -> body.path("model").asText().equals("analyst")
        ? FakeChatServer.Reply.ok(calls.getAndIncrement() == 0 ? missingRationale : analysisReply("nl2sql_prompt"))
        : FakeChatServer.Reply.ok(promptReply(rule("RULE-A"))))) {
      AgentConfig c1 = config(PROMPT);
      Proposal proposal = proposer(server, OproOptions.defaults().withCandidates(1), Optional.empty())
          .propose(context(2, c1, List.of(tried(1, c1, 0.5))));

      assertThat(proposal.changes()).hasSize(1);
      assertThat(FakeChatServer.user(server.requestsTo("analyst").get(1))).contains("has no rationale");
    }
  }

  @Test
  void aModelThatIsDownEndsTheStepWithAProposerException() throws Exception {
    try (var server = new FakeChatServer(body -> new FakeChatServer.Reply(503, ""))) {
      AgentConfig c1 = config(PROMPT);
      OproProposer proposer = proposer(server, OproOptions.defaults(), Optional.empty());
      assertThatThrownBy(() -> proposer.propose(context(2, c1, List.of(tried(1, c1, 0.5)))))
          .isInstanceOf(ProposerException.class).hasMessageContaining("config analysis model openai:analyst");
    }
  }

  @Test
  void anImproverThatIsDownEndsTheStepWithAProposerException() throws Exception {
    try (var server = new FakeChatServer(body -> body.path("model").asText().equals("analyst")
        ? FakeChatServer.Reply.ok(analysisReply("nl2sql_prompt")) : new FakeChatServer.Reply(503, ""))) {
      AgentConfig c1 = config(PROMPT);
      OproProposer proposer = proposer(server, OproOptions.defaults().withCandidates(2), Optional.empty());
      assertThatThrownBy(() -> proposer.propose(context(2, c1, List.of(tried(1, c1, 0.5)))))
          .isInstanceOf(ProposerException.class).hasMessageContaining("all 2 prompt improvement calls failed");
    }
  }

  @Test
  void anAnalysisWithNoFieldToChangeProposesNothing() throws Exception {
    try (var server = new FakeChatServer(script("{\"summary\":\"the golden set is wrong\",\"fields\":[]}",
        promptReply(rule("RULE-A"))))) {
      AgentConfig c1 = config(PROMPT);
      Proposal proposal = proposer(server, OproOptions.defaults(), Optional.empty())
          .propose(context(2, c1, List.of(tried(1, c1, 0.5))));

      assertThat(proposal.isEmpty()).isTrue();
      assertThat(proposal.summary()).contains("no change", "the golden set is wrong");
      assertThat(server.requestsTo("improver")).isEmpty();
    }
  }

  private static String quote(String s) {
    return dev.diaharness.core.Json.MAPPER.getNodeFactory().textNode(s).toString();
  }
}
