package dev.diaharness.cli;

import dev.diaharness.agent.Answer;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.optimize.ConfigDeployment;
import dev.diaharness.optimize.opro.CandidateScreen;
import dev.diaharness.optimize.opro.MinibatchResult;
import dev.diaharness.run.ConversationRunner;
import dev.diaharness.scoring.Scorer;
import dev.diaharness.scoring.ScoringInput;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Screens an opro candidate for real: deploys it to the run's agent (the emulator or Gemini Enterprise), asks the
 * minibatch once each, in parallel, through the run's one traffic control, and scores the answers with the run's scorer. The loop deploys the chosen
 * config again at the start of the next iteration, so the agent never stays on a candidate.
 */
final class AgentCandidateScreen implements CandidateScreen {
  private final ConfigDeployment deployment;
  private final String agentId;
  private final ConversationRunner conversations;
  private final Scorer scorer;
  private final int workers;

  /** @param conversations the run's conversations: screening shares the run's one limiter and retry rules */
  AgentCandidateScreen(ConfigDeployment deployment, String agentId, ConversationRunner conversations, Scorer scorer,
      int workers) {
    this.deployment = deployment;
    this.agentId = agentId;
    this.conversations = conversations;
    this.scorer = scorer;
    this.workers = workers;
  }

  @Override
  public MinibatchResult screen(AgentConfig candidate, List<GoldenCase> minibatch) {
    deployment.apply(agentId, candidate);
    Map<String, Boolean> passed = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(workers, minibatch.size())));
    try {
      List<Future<?>> asked = minibatch.stream().<Future<?>>map(c -> pool.submit(() -> {
        Answer answer = conversations.converse(c.question()).answer();
        boolean pass = answer.error().isEmpty() && scorer.score(new ScoringInput(c, answer.sql(),
            answer.thoughts(), answer.responseText(), candidate.schemaDescription())).passed();
        passed.put(c.id(), pass);
      })).toList();
      for (Future<?> f : asked) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("screening was interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("screening failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return new MinibatchResult(passed);
  }
}
