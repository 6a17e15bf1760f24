package dev.diaharness.agent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What {@code agents prune} does: find the pool agents of an engine ({@link PoolNames} is the only rule that says
 * which agents those are, so an agent that is no pool agent is never touched), then delete them one by one, where a
 * failed delete is recorded and the others go on. Thread-safe when the deployer is.
 */
public final class PoolPrune {
  /** What happened to one pool agent. */
  public sealed interface Outcome permits Deleted, AlreadyGone, Failed {
    AgentSummary agent();
  }

  /** The agent was deleted. */
  public record Deleted(AgentSummary agent) implements Outcome {}

  /** The engine had no such agent any more (deleted meanwhile, e.g. by another prune): nothing left to do. */
  public record AlreadyGone(AgentSummary agent) implements Outcome {}

  /** The delete failed with {@code cause}; the agent may still exist. */
  public record Failed(AgentSummary agent, RuntimeException cause) implements Outcome {
    public Failed {
      Objects.requireNonNull(cause, "cause");
    }
  }

  private final AgentDeployer deployer;

  public PoolPrune(AgentDeployer deployer) {
    this.deployer = deployer;
  }

  /**
   * The pool agents of the engine whose base display name starts with {@code prefix} (every pool agent for an empty
   * prefix), ordered by base display name, then pool index.
   */
  public List<AgentSummary> plan(String prefix) {
    return deployer.list().stream()
        .filter(a -> PoolNames.baseOf(a.displayName()).map(base -> base.startsWith(prefix)).orElse(false))
        .sorted(Comparator.comparing((AgentSummary a) -> PoolNames.baseOf(a.displayName()).orElseThrow())
            .thenComparingInt(a -> PoolNames.index(a.displayName()).orElseThrow())
            .thenComparing(AgentSummary::id))
        .toList();
  }

  /**
   * Deletes every agent of {@code plan} in order, telling {@code onEach} each outcome as it happens; an interrupt
   * stops it before the next agent.
   *
   * @throws IllegalArgumentException before any delete when {@code plan} holds an agent that is no pool agent
   */
  public List<Outcome> delete(List<AgentSummary> plan, Consumer<Outcome> onEach) {
    plan.stream().filter(a -> !PoolNames.isPoolAgent(a.displayName())).findFirst().ifPresent(a -> {
      throw new IllegalArgumentException("agent " + a.id() + " (" + a.displayName() + ") is no pool agent");
    });
    List<Outcome> outcomes = new ArrayList<>();
    for (AgentSummary agent : plan) {
      if (Thread.currentThread().isInterrupted()) {
        break; // Ctrl-C: the agents not reached stay, and the next prune finds them
      }
      Outcome outcome = deleteOne(agent);
      outcomes.add(outcome);
      onEach.accept(outcome);
    }
    return List.copyOf(outcomes);
  }

  private Outcome deleteOne(AgentSummary agent) {
    try {
      return deployer.delete(agent.id()) ? new Deleted(agent) : new AlreadyGone(agent);
    } catch (RuntimeException e) { // reported with the agent; the next delete may well succeed
      return new Failed(agent, e);
    }
  }
}
