package dev.diaharness.agent.gemini;

import dev.diaharness.agent.AgentSummary;
import dev.diaharness.config.AgentConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code deploy --config-file} does (SPEC §1): reuse the agent whose display name matches the config (found
 * with {@code agents.list} filtered by display name), or create it — first reusing or creating its server-side
 * OAuth authorization when an OAuth client is configured — then deploy it and wait for the operation. An
 * authorization that cannot be set up does not stop the deploy: the result carries a warning and the manual steps.
 * Thread-safe.
 */
public final class DeployService {
  /**
   * The outcome of a deploy.
   *
   * @param reused            true when an agent with the same display name existed (it is deployed unchanged)
   * @param authorizationName the authorization resource attached, if any
   * @param steps             what the user does next to authorize the agent
   * @param warnings          what did not work but did not stop the deploy (an authorization that failed)
   */
  public record Result(String agentId, String displayName, boolean reused, Optional<String> authorizationName,
      List<String> steps, List<String> warnings) {
    public Result {
      Objects.requireNonNull(agentId, "agentId");
      steps = List.copyOf(steps);
      warnings = List.copyOf(warnings);
    }
  }

  private final GeminiEnterpriseClient client;

  public DeployService(GeminiEnterpriseClient client) {
    this.client = client;
  }

  /**
   * Reuses or creates the agent of {@code config}, deploys it and waits (bounded).
   *
   * @throws dev.diaharness.core.InputException before any call when a Required field is empty
   */
  public Result deploy(AgentConfig config) {
    GeminiSettings settings = client.settings();
    client.createBody(config, Optional.empty()); // Required fields and ${VAR}s checked before any call
    Optional<AgentSummary> existing = client.findByDisplayName(config.displayName()).stream().findFirst();
    Optional<String> authorization = Optional.empty();
    List<String> warnings = new ArrayList<>();
    String agentId;
    if (existing.isPresent()) {
      agentId = existing.get().id();
    } else {
      if (settings.oauthClient().isPresent()) {
        Authorizations.Outcome outcome =
            client.authorizations().ensure(settings.oauthClient().get(), config.displayName());
        authorization = attached(outcome);
        if (outcome instanceof Authorizations.Failed failed) {
          warnings.add("the OAuth authorization " + failed.id() + " could not be set up (" + failed.reason()
              + "); the agent is deployed without it: authorize it by hand with the steps below");
        }
      }
      agentId = client.create(config, authorization);
    }
    client.deploy(agentId);
    Optional<String> consent = authorization.isPresent()
        ? settings.oauthClient().map(o -> GeminiEnterpriseClient.consentUri(o.clientId()))
        : Optional.empty();
    return new Result(agentId, config.displayName(), existing.isPresent(), authorization,
        AuthorizationSteps.forAgent(settings.withAgentId(agentId), consent), warnings);
  }

  private static Optional<String> attached(Authorizations.Outcome outcome) {
    if (outcome instanceof Authorizations.Reused reused) {
      return Optional.of(reused.name());
    }
    if (outcome instanceof Authorizations.Created created) {
      return Optional.of(created.name());
    }
    return Optional.empty();
  }
}
