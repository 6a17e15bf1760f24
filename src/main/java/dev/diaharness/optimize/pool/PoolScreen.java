package dev.diaharness.optimize.pool;

import dev.diaharness.agent.Answer;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.optimize.ConfigDeployment;
import dev.diaharness.optimize.opro.CandidateScreen;
import dev.diaharness.optimize.opro.MinibatchResult;
import dev.diaharness.optimize.opro.Screened;
import dev.diaharness.run.ConversationRunner;
import dev.diaharness.run.RunListener;
import dev.diaharness.scoring.Scorer;
import dev.diaharness.scoring.ScoringInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Screens a step's candidates on an {@link AgentPool}: each candidate leases the next free agent, is applied to it
 * (PATCH, deploy, read back and compare) and asks its minibatch there, all minibatch questions at once; candidates
 * beyond the free agents wait for one. Every conversation goes through a {@link ConversationRunner} on the run's one
 * traffic control, so the rate limit, the adaptive limit on conversations and the retry budget hold across the whole
 * pool — the screen has no scheduler of its own. A candidate whose deploy or screen fails is set aside with the
 * reason and the others go on. On the run's agent (a pool of one) the loop redeploys the chosen config afterwards,
 * so that agent never stays on a candidate. Called from one thread at a time.
 */
public final class PoolScreen implements CandidateScreen {
  private final AgentPool pool;
  private final ConfigDeployment mainDeployment;
  private final ConfigDeployment poolDeployment;
  private final Function<String, ConversationRunner> conversationsOn;
  private final Scorer scorer;
  private final RunListener listener;

  /**
   * @param mainDeployment  puts a candidate on the run's agent
   * @param poolDeployment  puts a candidate on a pool agent (its calls pass the run's traffic control)
   * @param conversationsOn the conversations with one agent (by id) under the run's traffic control
   */
  public PoolScreen(AgentPool pool, ConfigDeployment mainDeployment, ConfigDeployment poolDeployment,
      Function<String, ConversationRunner> conversationsOn, Scorer scorer, RunListener listener) {
    this.pool = pool;
    this.mainDeployment = mainDeployment;
    this.poolDeployment = poolDeployment;
    this.conversationsOn = conversationsOn;
    this.scorer = scorer;
    this.listener = listener;
  }

  @Override
  public MinibatchResult screen(AgentConfig candidate, List<GoldenCase> minibatch) {
    Screened outcome = screenAll(List.of(candidate), minibatch).get(0);
    return outcome.result().orElseThrow(() -> new IllegalStateException(outcome.failure()));
  }

  @Override
  public List<Screened> screenAll(List<AgentConfig> candidates, List<GoldenCase> minibatch) {
    long start = System.nanoTime();
    List<CompletableFuture<Screened>> pending = new ArrayList<>();
    Set<String> agents = new LinkedHashSet<>();
    try {
      for (AgentConfig candidate : candidates) {
        AgentPool.Lease lease = pool.lease();
        agents.add(lease.agentId());
        CompletableFuture<Screened> outcome = new CompletableFuture<>();
        pool.execute(() -> outcome.complete(screenOn(lease, candidate, minibatch)));
        pending.add(outcome);
      }
      List<Screened> outcomes = new ArrayList<>();
      for (CompletableFuture<Screened> outcome : pending) {
        outcomes.add(outcome.get());
      }
      listener.note(String.format(Locale.ROOT, "screened %d candidates on %d training questions on %d agent%s in "
          + "%.1f s", candidates.size(), minibatch.size(), agents.size(), agents.size() == 1 ? "" : "s",
          (System.nanoTime() - start) / 1e9));
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("screening was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("screening failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Applies and screens one candidate on its leased agent, then gives the agent back. Never throws. */
  private Screened screenOn(AgentPool.Lease lease, AgentConfig candidate, List<GoldenCase> minibatch) {
    boolean usable = true;
    String reason = "";
    try {
      try {
        (lease.main() ? mainDeployment : poolDeployment).apply(lease.agentId(), candidate);
      } catch (RuntimeException e) {
        usable = false;
        reason = message(e);
        return Screened.failed(reason);
      }
      return Screened.passed(ask(lease.agentId(), candidate, minibatch));
    } catch (RuntimeException e) {
      return Screened.failed("on agent " + lease.agentId() + ": " + message(e));
    } finally {
      pool.release(lease, usable, reason);
    }
  }

  /** Asks every minibatch question at once on the agent and scores the answers as an evaluation does. */
  private MinibatchResult ask(String agentId, AgentConfig candidate, List<GoldenCase> minibatch) {
    ConversationRunner conversations = conversationsOn.apply(agentId);
    List<CompletableFuture<ConversationRunner.Conversed>> asked =
        minibatch.stream().map(c -> conversations.start(c.question())).toList();
    Map<String, Boolean> passed = new HashMap<>();
    for (int i = 0; i < minibatch.size(); i++) {
      GoldenCase c = minibatch.get(i);
      Answer answer;
      try {
        answer = asked.get(i).join().answer();
      } catch (RuntimeException e) { // failed (access denied, bad configuration) or cancelled (the run closes)
        asked.forEach(f -> f.cancel(true));
        throw e instanceof CompletionException && e.getCause() instanceof RuntimeException r ? r : e;
      }
      passed.put(c.id(), answer.error().isEmpty() && scorer.score(new ScoringInput(c, answer.sql(),
          answer.thoughts(), answer.responseText(), candidate.schemaDescription())).passed());
    }
    return new MinibatchResult(passed);
  }

  private static String message(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
