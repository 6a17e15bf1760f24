package dev.diaharness.cli;

import dev.diaharness.optimize.ConfigDeployment;
import dev.diaharness.optimize.opro.CandidateScreen;
import dev.diaharness.optimize.pool.AgentPool;
import dev.diaharness.optimize.pool.PoolScreen;
import dev.diaharness.run.ConversationRunner;
import dev.diaharness.run.RunListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The candidate screen of an {@code optimize} run and the agents it screens on ({@code --agent-pool N}): with N > 1
 * and the opro optimizer, N − 1 pool agents are found or created and deployed in the background from now on — while
 * the first iteration is evaluated — and each candidate is screened on its own; else candidates are screened on the
 * run's agent one at a time. Close it after the loop.
 */
final class ScreeningPool implements AutoCloseable {
  private final AgentPool pool;
  private final PoolScreen screen;

  private ScreeningPool(AgentPool pool, PoolScreen screen) {
    this.pool = pool;
    this.screen = screen;
  }

  /**
   * @param size      {@code --agent-pool}
   * @param optimizer the run's optimizer: only opro screens candidates
   * @param deployment how the loop deploys to the run's agent
   */
  static ScreeningPool open(RunSetup setup, int size, String optimizer, ConfigDeployment deployment,
      RunListener listener) {
    String main = setup.connection.agentId();
    boolean pooled = size > 1 && optimizer.equals("opro");
    if (size > 1 && !pooled) {
      listener.note("--agent-pool " + size + " is not used: only the opro optimizer screens candidates");
    }
    AgentPool pool = pooled
        ? AgentPool.prepare(main, size, setup.connection.deployer(setup.traffic), listener)
        : AgentPool.mainOnly(main);
    Map<String, ConversationRunner> runners = new ConcurrentHashMap<>();
    PoolScreen screen = new PoolScreen(pool, deployment,
        new ConfigDeployment(setup.connection.deployer(setup.traffic)),
        id -> runners.computeIfAbsent(id, setup::screeningConversations), setup.scoring.scorer(), listener);
    return new ScreeningPool(pool, screen);
  }

  CandidateScreen screen() {
    return screen;
  }

  @Override
  public void close() {
    pool.close();
  }
}
