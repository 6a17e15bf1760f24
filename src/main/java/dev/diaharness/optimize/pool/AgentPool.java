package dev.diaharness.optimize.pool;

import dev.diaharness.agent.AgentDeployer;
import dev.diaharness.agent.AgentSummary;
import dev.diaharness.agent.PoolNames;
import dev.diaharness.run.RunListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agents candidates are screened on, lent one candidate at a time: a candidate {@link #lease() leases} the next
 * free agent (waiting while all are busy or still being prepared) and gives it back when its screen is done. A pool
 * of size N is the run's agent — idle while the proposer screens, and redeployed by the loop before the next
 * evaluation — and N − 1 pool agents, prepared in the background from {@link #prepare} on, so while the first
 * iteration is evaluated on the run's agent. A pool agent that cannot be prepared, or whose candidate deploy fails,
 * is dropped with a warning and the others go on; with none left, the run's agent screens alone, one candidate at a
 * time (as a pool of size 1 always does). Thread-safe.
 */
public final class AgentPool implements AutoCloseable {
  /** An agent lent to one candidate; {@code main} when it is the run's agent (which the loop redeploys). */
  public record Lease(String agentId, boolean main) {}

  private final String mainAgentId;
  private final RunListener listener;
  private final ExecutorService threads;
  private final Deque<String> free = new ArrayDeque<>();
  private final List<String> poolAgents = new ArrayList<>();
  private int preparing;
  private int leased;

  private AgentPool(String mainAgentId, RunListener listener, int preparing) {
    this.mainAgentId = mainAgentId;
    this.listener = listener;
    this.preparing = preparing;
    this.free.add(mainAgentId);
    AtomicInteger n = new AtomicInteger();
    // one thread per pool agent being prepared or screening a candidate: bounded by the pool's size, not a
    // scheduler — every request they make passes the run's traffic control
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "agent-pool-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** {@code --agent-pool 1}: candidates are screened on the run's agent, one at a time. */
  public static AgentPool mainOnly(String mainAgentId) {
    return new AgentPool(mainAgentId, RunListener.NONE, 0);
  }

  /**
   * Starts finding, creating and deploying the {@code size − 1} pool agents in the background and returns at once.
   *
   * @param size     the pool's size, {@code --agent-pool} (at least 2 here)
   * @param deployer manages the pool agents (its calls should pass the run's traffic control)
   */
  public static AgentPool prepare(String mainAgentId, int size, AgentDeployer deployer, RunListener listener) {
    return prepare(mainAgentId, size, new PoolAgents(deployer, mainAgentId), listener);
  }

  static AgentPool prepare(String mainAgentId, int size, PoolAgents agents, RunListener listener) {
    if (size < 2) {
      throw new IllegalArgumentException("a pool with its own agents has a size of at least 2, got " + size);
    }
    AgentPool pool = new AgentPool(mainAgentId, listener, size - 1);
    pool.threads.execute(() -> pool.prepareAll(size, agents));
    return pool;
  }

  private void prepareAll(int size, PoolAgents agents) {
    Map<Integer, AgentSummary> existing;
    try {
      existing = agents.existing(size);
    } catch (RuntimeException e) {
      for (int k = 1; k < size; k++) {
        lost("pool " + k, "the run's agent or the agents could not be read: " + e.getMessage());
      }
      return;
    }
    listener.note("agent pool: " + existing.size() + " of " + (size - 1) + " pool agents of '"
        + agents.baseDisplayName() + "' found, " + (size - 1 - existing.size()) + " to create; preparing them "
        + "while the first iteration is evaluated");
    for (int k = 1; k < size; k++) {
      int index = k;
      threads.execute(() -> {
        String name = PoolNames.of(agents.baseDisplayName(), index);
        try {
          joined(agents.ready(index, Optional.ofNullable(existing.get(index))));
        } catch (RuntimeException e) {
          lost(name, e.getMessage());
        }
      });
    }
  }

  private synchronized void joined(String agentId) {
    preparing--;
    poolAgents.add(agentId);
    free.add(agentId);
    notifyAll();
  }

  private synchronized void lost(String name, String reason) {
    preparing--;
    listener.note("WARNING: pool agent '" + name + "' is not available (" + reason + "); screening goes on with "
        + "the other agents");
    noteWhenNoneLeft();
    notifyAll();
  }

  private void noteWhenNoneLeft() {
    if (preparing == 0 && poolAgents.isEmpty()) {
      listener.note("WARNING: no pool agent is available: candidates are screened on the run's agent alone, one at "
          + "a time");
    }
  }

  /** The next free agent; waits while every agent is busy (the run's agent always comes back). */
  public synchronized Lease lease() throws InterruptedException {
    while (free.isEmpty()) {
      wait();
    }
    leased++;
    String agentId = free.poll();
    return new Lease(agentId, agentId.equals(mainAgentId));
  }

  /**
   * Gives an agent back. A pool agent whose candidate deploy failed ({@code usable} false) is dropped for the rest
   * of the run: its state is unknown; the run's agent is always taken back (the loop redeploys it anyway).
   */
  public synchronized void release(Lease lease, boolean usable, String reason) {
    leased--;
    if (usable || lease.main()) {
      free.add(lease.agentId());
    } else {
      poolAgents.remove(lease.agentId());
      listener.note("WARNING: pool agent " + lease.agentId() + " is left out of the pool for the rest of the run: "
          + reason);
      noteWhenNoneLeft();
    }
    notifyAll();
  }

  /** Runs {@code task} on one of the pool's threads (one per lease). */
  void execute(Runnable task) {
    threads.execute(task);
  }

  /** The ids of the pool agents ready now (not the run's agent). */
  public synchronized List<String> poolAgents() {
    return List.copyOf(poolAgents);
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
