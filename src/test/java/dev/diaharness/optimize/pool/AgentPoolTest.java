package dev.diaharness.optimize.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.agent.AgentSummary;
import dev.diaharness.agent.PoolNames;
import dev.diaharness.agent.gemini.GeminiEnterpriseClient;
import dev.diaharness.agent.gemini.GeminiHttp;
import dev.diaharness.agent.gemini.GeminiSettings;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.emulator.EmulatorServer;
import dev.diaharness.run.RunListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent pool against the emulator's agents API: pool agents are created once and found again by display name,
 * candidates wait for a free agent, a failing agent is dropped, and with none left the run's agent screens.
 */
class AgentPoolTest {
  static final String CONFIG = "examples/ecommerce/baseline_config.json";

  private EmulatorServer emulator;
  private GeminiEnterpriseClient client;
  private final List<String> notes = new CopyOnWriteArrayList<>();
  private final RunListener listener = new RunListener() {
    @Override
    public void note(String message) {
      notes.add(message);
    }
  };

  @BeforeEach
  void start() {
    emulator = EmulatorServer.builder(AgentConfigLoader.load(Path.of(CONFIG))).deployDelay(Duration.ofMillis(50))
        .start();
    Map<String, String> env = Map.of("GOOGLE_CLOUD_PROJECT", emulator.projectId(), "DIA_LOCATION",
        emulator.location(), "DIA_ENGINE_ID", emulator.engineId(), "DIA_ENDPOINT", emulator.baseUrl(),
        "BQ_PROJECT_ID", emulator.projectId(), "BQ_DATASET_ID", "local_dataset");
    client = new GeminiEnterpriseClient(new GeminiHttp(GeminiSettings.fromEnvironment(
        n -> Optional.ofNullable(env.get(n)))), n -> Optional.ofNullable(env.get(n)));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private String baseName() {
    return client.get(emulator.agentId()).displayName();
  }

  private List<AgentSummary> poolAgents() {
    return client.list().stream().filter(a -> PoolNames.isPoolAgent(a.displayName())).toList();
  }

  /** Waits (bounded) until a note containing {@code text} was given. */
  private void awaitNote(String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (notes.stream().noneMatch(n -> n.contains(text)) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  private static AgentPool.Lease leaseWithin(AgentPool pool) throws Exception {
    return asyncLease(pool).get(30, TimeUnit.SECONDS);
  }

  @Test
  void createsTheMissingPoolAgentsOnceAndAnotherPoolFindsThemByName() throws Exception {
    try (AgentPool pool = AgentPool.prepare(emulator.agentId(), 3, client, listener)) {
      List<AgentPool.Lease> leases = List.of(leaseWithin(pool), leaseWithin(pool), leaseWithin(pool));
      assertThat(leases).extracting(AgentPool.Lease::agentId).doesNotHaveDuplicates().contains(emulator.agentId());
      assertThat(leases).filteredOn(AgentPool.Lease::main).singleElement()
          .satisfies(l -> assertThat(l.agentId()).isEqualTo(emulator.agentId()));
    }
    List<AgentSummary> created = poolAgents();
    assertThat(created).extracting(AgentSummary::displayName).containsExactlyInAnyOrder(
        PoolNames.of(baseName(), 1), PoolNames.of(baseName(), 2));
    assertThat(created).allSatisfy(a -> assertThat(a.isDeployed()).isTrue());

    try (AgentPool again = AgentPool.prepare(emulator.agentId(), 4, client, listener)) {
      List<String> leased = List.of(leaseWithin(again).agentId(), leaseWithin(again).agentId(),
          leaseWithin(again).agentId(), leaseWithin(again).agentId());
      assertThat(leased).doesNotHaveDuplicates().contains(emulator.agentId())
          .containsAll(created.stream().map(AgentSummary::id).toList());
    }
    assertThat(emulator.metrics().count("agents.create")).as("two, then only the third").isEqualTo(3);
    assertThat(notes).anySatisfy(n -> assertThat(n).contains("2 of 3 pool agents", "found, 1 to create"));
  }

  @Test
  void aCandidateWaitsForAFreeAgentAndADroppedAgentIsNotLentAgain() throws Exception {
    try (AgentPool pool = AgentPool.prepare(emulator.agentId(), 2, client, listener)) {
      AgentPool.Lease first = leaseWithin(pool);
      AgentPool.Lease second = leaseWithin(pool);
      AgentPool.Lease main = first.main() ? first : second;
      AgentPool.Lease poolAgent = first.main() ? second : first;
      assertThat(poolAgent.main()).isFalse();
      CompletableFuture<AgentPool.Lease> waiting = asyncLease(pool);
      assertThat(waiting).as("both agents are busy").isNotDone();
      pool.release(poolAgent, true, "");
      assertThat(waiting.get(30, TimeUnit.SECONDS).agentId()).isEqualTo(poolAgent.agentId());

      pool.release(waiting.get(), false, "its deploy failed");
      CompletableFuture<AgentPool.Lease> next = asyncLease(pool);
      assertThat(next).as("the dropped agent is not lent again").isNotDone();
      pool.release(main, true, "");
      assertThat(next.get(30, TimeUnit.SECONDS).agentId()).isEqualTo(emulator.agentId());
      assertThat(pool.poolAgents()).isEmpty();
      assertThat(notes).anySatisfy(n -> assertThat(n).contains("left out of the pool", "its deploy failed"))
          .anySatisfy(n -> assertThat(n).contains("no pool agent is available"));
    }
  }

  @Test
  void aPoolAgentThatCannotBeDeployedIsLostAndTheOthersServe() throws Exception {
    emulator.failDeploysOf(PoolNames.of(baseName(), 1));
    try (AgentPool pool = AgentPool.prepare(emulator.agentId(), 3, client, listener)) {
      AgentPool.Lease first = leaseWithin(pool);
      AgentPool.Lease second = leaseWithin(pool);
      AgentPool.Lease served = first.main() ? second : first;
      assertThat(served.main()).isFalse();
      assertThat(client.summary(served.agentId()).displayName()).isEqualTo(PoolNames.of(baseName(), 2));
      awaitNote("is not available");
      CompletableFuture<AgentPool.Lease> next = asyncLease(pool);
      pool.release(served, true, "");
      assertThat(next.get(30, TimeUnit.SECONDS).agentId()).as("the lost agent is never lent")
          .isEqualTo(served.agentId());
      assertThat(pool.poolAgents()).containsExactly(served.agentId());
      assertThat(notes).anySatisfy(n -> assertThat(n).contains("pool agent '" + PoolNames.of(baseName(), 1)
          + "' is not available", "DEPLOYMENT_FAILED"));
    }
  }

  private static CompletableFuture<AgentPool.Lease> asyncLease(AgentPool pool) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return pool.lease();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
