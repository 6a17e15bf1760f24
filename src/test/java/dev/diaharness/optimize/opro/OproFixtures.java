package dev.diaharness.optimize.opro;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.ConfigHash;
import dev.diaharness.config.NlExample;
import dev.diaharness.core.Json;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.llm.ChatModel;
import dev.diaharness.llm.ModelRoles;
import dev.diaharness.llm.RetrySettings;
import dev.diaharness.optimize.ProposalContext;
import dev.diaharness.optimize.TriedConfig;
import dev.diaharness.run.ItemKey;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.Split;
import dev.diaharness.run.SplitAggregator;
import dev.diaharness.run.Timing;
import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.scoring.Evidence;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Status;
import dev.diaharness.scoring.Verdict;
import dev.diaharness.testing.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Training and test sets, rows, configs and model clients shared by the opro tests. */
final class OproFixtures {
  static final String SCHEMA = "orders table: order_id, customer_id, order_date, total_amount, status.\n"
      + "customers table: customer_id, region, signup_date. Join orders.customer_id = customers.customer_id.";
  static final String PROMPT = "You are a data analyst for an online shop. Always answer in a friendly sentence and"
      + " show the SQL you ran.\nRules:\n- Revenue means SUM(orders.total_amount) over delivered orders.\n"
      + "- Use the orders table for sales and join customers on customer_id for regions.\n"
      + "- When a question names a year, filter order_date to that calendar year.\n";

  /** Training questions: tr1..tr4 fail, tr5..tr12 pass. */
  static final List<GoldenCase> TRAIN = List.of(
      GoldenCase.of("tr1", "What was the revenue in 2024?", "SELECT SUM(total_amount) FROM orders"),
      GoldenCase.of("tr2", "How many customers are in the north region?",
          "SELECT COUNT(*) FROM customers WHERE region = 'north'"),
      GoldenCase.of("tr3", "Average order value by region", "SELECT region, AVG(total_amount) FROM orders"),
      GoldenCase.of("tr4", "Top 5 customers by spend", "SELECT customer_id FROM orders LIMIT 5"),
      GoldenCase.of("tr5", "How many orders are there?", "SELECT COUNT(*) FROM orders"),
      GoldenCase.of("tr6", "List all regions", "SELECT DISTINCT region FROM customers"),
      GoldenCase.of("tr7", "Count cancelled orders", "SELECT COUNT(*) FROM orders WHERE status = 'CANCELLED'"),
      GoldenCase.of("tr8", "Newest customer signup date", "SELECT MAX(signup_date) FROM customers"),
      GoldenCase.of("tr9", "Oldest order date", "SELECT MIN(order_date) FROM orders"),
      GoldenCase.of("tr10", "Number of delivered orders", "SELECT COUNT(*) FROM orders WHERE status = 'DELIVERED'"),
      GoldenCase.of("tr11", "Largest order amount", "SELECT MAX(total_amount) FROM orders"),
      GoldenCase.of("tr12", "Customers who signed up in 2023",
          "SELECT COUNT(*) FROM customers WHERE EXTRACT(YEAR FROM signup_date) = 2023"));

  /** Held-out questions that exist in the test but must never reach a model. */
  static final List<GoldenCase> TEST = List.of(
      GoldenCase.of("te1", "HELD-OUT: what share of zeppelin orders shipped to Atlantis?",
          "SELECT 'atlantis-secret-sql' FROM orders"),
      GoldenCase.of("te2", "HELD-OUT: median basket size of moonbase customers",
          "SELECT 'moonbase-secret-sql' FROM customers"));

  private OproFixtures() {}

  static AgentConfig config(String prompt) {
    return new AgentConfig("shop", "Shop agent", "", "", "Answers questions about the shop's orders.", prompt,
        SCHEMA, List.of(new NlExample("How many orders?", "SELECT COUNT(*) FROM orders", "There are 500 orders.")),
        "", List.of("orders", "customers"), List.of(), "p", "d", Optional.empty());
  }

  static List<ItemResult> trainRows(int iteration) {
    List<ItemResult> rows = new ArrayList<>();
    for (int repeat = 1; repeat <= 2; repeat++) {
      for (GoldenCase c : TRAIN) {
        boolean pass = Integer.parseInt(c.id().substring(2)) > 4;
        Evidence evidence = pass ? Evidence.of("same rows") : new Evidence("rows differ: 3 missing",
            Map.of("missingFromActual", List.of("[2024, 1234.5]"), "rationale",
                "the agent ignored the year filter on order_date for " + c.id()));
        // a fail keeps the 20 points of its data source, as the component scorer gives them
        Verdict verdict = pass ? Verdict.of(Outcome.PASS, Status.EXEC_EQUIVALENT, CategoryScores.FULL, evidence)
            : Verdict.of(Outcome.FAIL, Status.EXEC_MISMATCH, new CategoryScores(20, 0, 0, 0, 0, 0), evidence);
        rows.add(Rows.scored(new ItemKey(iteration, Split.TRAIN, c.id(), repeat), c.question(), c.expectedSql(),
            pass ? c.expectedSql() : "SELECT 1 FROM orders", verdict, Timing.of(10, 2, Instant.EPOCH)));
      }
    }
    return rows;
  }

  /** A context at {@code iteration} whose current config is {@code current}, with {@code tried} before it. */
  static ProposalContext context(int iteration, AgentConfig current, List<TriedConfig> tried) {
    List<ItemResult> rows = trainRows(iteration);
    SplitAggregator agg = new SplitAggregator(Split.TRAIN, 2);
    rows.forEach(agg::add);
    Set<String> hashes = new HashSet<>();
    tried.forEach(t -> hashes.add(t.configHash()));
    hashes.add(ConfigHash.of(current));
    return new ProposalContext(iteration, current, TRAIN, agg.metrics(), rows, tried, hashes);
  }

  static TriedConfig tried(int iteration, AgentConfig config, double accuracy) {
    return new TriedConfig(iteration, config, ConfigHash.of(config), accuracy, accuracy * 100);
  }

  /** The analysis and improvement models, served by {@code server} as {@code analyst} and {@code improver}. */
  static ChatModel[] models(FakeChatServer server) {
    Map<String, String> env = Map.of("CONFIG_ANALYSIS_MODEL", "openai:analyst",
        "PROMPT_IMPROVEMENT_MODEL", "openai:improver", "JUDGEMENT_MODEL", "none",
        "OPENAI_BASE_URL", server.baseUrl());
    ModelRoles roles = ModelRoles.fromEnvironment(name -> Optional.ofNullable(env.get(name)),
        RetrySettings.fastForTests(1));
    return new ChatModel[] {roles.configAnalysis().orElseThrow(), roles.promptImprovement().orElseThrow()};
  }

  static String analysisReply(String... fields) {
    var root = Json.MAPPER.createObjectNode().put("summary", "year filters are ignored");
    var list = root.putArray("fields");
    int priority = 1;
    for (String f : fields) {
      list.addObject().put("field", f).put("priority", priority++).put("rationale", "fixes tr1 and tr3");
    }
    return root.toString();
  }

  /** An improvement reply that sets nl2sql_prompt to {@code prompt}. */
  static String promptReply(String prompt) {
    var root = Json.MAPPER.createObjectNode().put("rationale", "added a rule for year filters");
    root.putArray("changes").addObject().put("field", "nl2sql_prompt").put("text", prompt);
    return root.toString();
  }
}
