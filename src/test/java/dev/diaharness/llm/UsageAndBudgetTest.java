package dev.diaharness.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.diaharness.core.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageAndBudgetTest {
  @TempDir Path dir;

  @Test
  void builtInPricesAreFoundByExactNamePrefixAndWithoutProviderPrefix() {
    PriceTable prices = PriceTable.builtIn();
    assertThat(prices.priceOf("gemini-2.5-pro")).hasValue(new PriceTable.Price(1.25, 10.0));
    assertThat(prices.priceOf("gemini-2.5-pro-preview-06-05")).hasValue(new PriceTable.Price(1.25, 10.0));
    assertThat(prices.priceOf("openai:gpt-4o-mini")).hasValue(new PriceTable.Price(0.15, 0.60));
    assertThat(prices.priceOf("gemini-2.5-flash-lite")).hasValue(new PriceTable.Price(0.10, 0.40));
    assertThat(prices.priceOf("openai:llama3")).isEmpty();
  }

  @Test
  void costTotalsEqualTheSumOfRecordedUsageTimesPrices() throws Exception {
    Path file = dir.resolve("prices.json");
    Files.writeString(file, "{\"models\": {\"m-one\": {\"input_per_million\": 2, \"output_per_million\": 10},"
        + "\"gpt-4o-mini\": {\"input_per_million\": 1, \"output_per_million\": 1}}}");
    PriceTable prices = PriceTable.fromEnvironment(name -> name.equals("DIA_PRICES_FILE")
        ? Optional.of(file.toString()) : Optional.empty());
    UsageLedger ledger = new UsageLedger(prices);
    record Call(UsageRole role, String model, long in, long out) {}
    List<Call> calls = List.of(new Call(UsageRole.JUDGE, "openai:m-one", 1_000, 200),
        new Call(UsageRole.JUDGE, "openai:gpt-4o-mini", 3_000, 1_000),
        new Call(UsageRole.IMPROVEMENT, "openai:m-one", 500_000, 100_000),
        new Call(UsageRole.AGENT, "openai:local", 9_999, 9_999));
    double expected = 0;
    for (Call call : calls) {
      ledger.record(call.role(), call.model(), new TokenUsage(call.in(), call.out()));
      expected += prices.priceOf(call.model()).map(p -> (call.in() * p.inputPerMillion()
          + call.out() * p.outputPerMillion()) / 1e6).orElse(0.0);
    }
    assertThat(ledger.spentUsd()).isCloseTo(expected, within(1e-12));
    assertThat(ledger.spentUsd()).isCloseTo(0.004 + 0.004 + 2.0, within(1e-12));
    assertThat(ledger.byRole().get(UsageRole.JUDGE).calls()).isEqualTo(2);
    assertThat(ledger.byRole().get(UsageRole.JUDGE).usd()).isCloseTo(0.008, within(1e-12));
    assertThat(ledger.byModel().get("openai:m-one").inputTokens()).isEqualTo(501_000);
    assertThat(ledger.total().outputTokens()).isEqualTo(200 + 1_000 + 100_000 + 9_999);
    assertThat(ledger.unpricedModels()).containsExactly("openai:local");
  }

  @Test
  void aBrokenPriceFileIsAnInputErrorNamingTheFile() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"models\": {\"x\": {\"input_per_million\": \"cheap\"}}}");
    assertThatThrownBy(() -> PriceTable.builtIn().overriddenBy(file))
        .isInstanceOf(InputException.class).hasMessageContaining("bad.json").hasMessageContaining("models.x");
  }

  @Test
  void theBudgetRefusesACallThatCouldCrossTheLimitBeforeSendingIt() throws Exception {
    UsageLedger ledger = new UsageLedger(PriceTable.builtIn());
    Budget budget = new Budget(0.05, ledger);
    try (var server = new FakeLlmServer(r -> FakeLlmServer.Reply.json(
        FakeLlmServer.openAiReply("ok", 10_000, 1_000)))) {
      ChatModel raw = ModelRoles.fromEnvironment(Map.of("JUDGEMENT_MODEL", "openai:gpt-4o",
          "OPENAI_BASE_URL", server.baseUrl())).judge().orElseThrow();
      ChatModel metered = new MeteredChatModel(raw, UsageRole.IMPROVEMENT, ledger, Optional.of(budget));
      // gpt-4o: 2.50 in / 10.00 out per 1M; each call really costs 0.025 + 0.010 = 0.035 USD,
      // the worst-case estimate for 1,000 output tokens is 0.010 + a few input tokens
      ChatRequest request = ChatRequest.text("", "hello", 0, 1_000);
      metered.complete(request);
      assertThat(ledger.spentUsd()).isCloseTo(0.035, within(1e-9));
      metered.complete(request); // 0.035 + ~0.010 <= 0.05: allowed, spends 0.070 in the end
      assertThatThrownBy(() -> metered.complete(request)).isInstanceOf(BudgetExceededException.class)
          .hasMessageContaining("0.0500 USD");
      assertThat(server.requests()).hasSize(2);
      assertThat(ledger.byRole().get(UsageRole.IMPROVEMENT).calls()).isEqualTo(2);
    }
  }

  @Test
  void reservationsOfCallsInFlightCountAgainstTheBudget() {
    UsageLedger ledger = new UsageLedger(PriceTable.builtIn());
    Budget budget = new Budget(0.025, ledger);
    ChatRequest request = ChatRequest.text("", "x", 0, 1_000); // gpt-4o worst case ≈ 0.01 USD
    Budget.Reservation first = budget.reserve("openai:gpt-4o", request);
    Budget.Reservation second = budget.reserve("openai:gpt-4o", request);
    assertThatThrownBy(() -> budget.reserve("openai:gpt-4o", request)).isInstanceOf(BudgetExceededException.class);
    first.close();
    first.close(); // idempotent
    budget.reserve("openai:gpt-4o", request).close();
    second.close();
    assertThat(budget.reserve("openai:local", ChatRequest.text("", "x", 0, 1_000_000)).usd()).isZero();
  }
}
