package dev.diaharness.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.agent.gemini.GeminiEnterpriseClient;
import dev.diaharness.agent.gemini.GeminiHttp;
import dev.diaharness.agent.gemini.GeminiSettings;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.emulator.EmulatorServer;
import dev.diaharness.emulator.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link PoolPrune} over the REST client and the emulator: what it plans, in which order, and what it refuses. */
class PoolPruneTest {
  final EmulatorServer server = EmulatorServer.builder(TestData.baseline()).deployDelay(Duration.ZERO).start();
  final GeminiEnterpriseClient client = new GeminiEnterpriseClient(new GeminiHttp(GeminiSettings.fromEnvironment(
      name -> Optional.ofNullable(Map.of("GOOGLE_CLOUD_PROJECT", server.projectId(), "DIA_ENGINE_ID",
          server.engineId(), "DIA_ENDPOINT", server.baseUrl(), "BQ_PROJECT_ID", "p", "BQ_DATASET_ID", "d")
          .get(name)))), name -> Optional.empty());

  @AfterEach
  void stop() {
    server.close();
  }

  String create(String displayName) {
    AgentConfig c = TestData.baseline();
    return client.create(new AgentConfig(c.name(), displayName, "d", "", "", "", "", List.of(), "", List.of(),
        List.of(), "p", "d", Optional.empty()));
  }

  @Test
  void planHoldsThePoolAgentsByBaseThenNumericIndex() {
    create("Zeta · pool 10");
    create("Zeta · pool 2");
    create("Alpha · pool 1");
    create("Zeta");
    create("Alphabet · pool 1");

    PoolPrune prune = new PoolPrune(client);

    assertThat(prune.plan("")).extracting(AgentSummary::displayName)
        .containsExactly("Alpha · pool 1", "Alphabet · pool 1", "Zeta · pool 2", "Zeta · pool 10");
    assertThat(prune.plan("Alpha")).extracting(AgentSummary::displayName)
        .containsExactly("Alpha · pool 1", "Alphabet · pool 1");
    assertThat(prune.plan("Zeta · pool")).isEmpty(); // the prefix is of the base display name
  }

  @Test
  void aPlanWithAnAgentThatIsNoPoolAgentIsRefusedBeforeAnyDelete() {
    String pool = create("Zeta · pool 1");
    String main = create("Zeta");
    List<AgentSummary> plan = List.of(new AgentSummary(pool, "Zeta · pool 1", "CONFIGURED"),
        new AgentSummary(main, "Zeta", "CONFIGURED"));

    assertThatThrownBy(() -> new PoolPrune(client).delete(plan, o -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is no pool agent");
    assertThat(client.list()).extracting(AgentSummary::id).contains(pool, main);
  }

  @Test
  void eachOutcomeIsToldAsItHappensAndAnAgentDeletedMeanwhileIsAlreadyGone() {
    String first = create("Zeta · pool 1");
    String second = create("Zeta · pool 2");
    PoolPrune prune = new PoolPrune(client);
    List<AgentSummary> plan = prune.plan("");
    client.delete(second); // another prune was quicker
    List<String> told = new ArrayList<>();

    List<PoolPrune.Outcome> outcomes = prune.delete(plan, o -> told.add(o.getClass().getSimpleName()
        + " " + o.agent().id()));

    assertThat(told).containsExactly("Deleted " + first, "AlreadyGone " + second);
    assertThat(outcomes).hasSize(2);
    assertThat(client.list()).extracting(AgentSummary::id).containsExactly(server.agentId());
  }
}
