package dev.diaharness.agent.gemini;

import dev.diaharness.agent.AgentSummary;
import dev.diaharness.config.AgentConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code deploy --config-file} does (SPEC §1): reuse the agent whose display name matches the config, or
 * create it (first creating and attaching the server-side OAuth authorization when an OAuth client is configured),
 * then deploy it and wait for the operation. Thread-safe.
 */
public final class DeployService {
  /**
   * The outcome of a deploy.
   *
   * @param reused            true when an agent with the same display name existed (it is deployed unchanged)
   * @param authorizationName the authorization resource created and attached, if any
   * @param steps             what the user does next to authorize the agent
   */
  public record Result(String agentId, String displayName, boolean reused, Optional<String> authorizationName,
      List<String> steps) {
    public Result {
      Objects.requireNonNull(agentId, "agentId");
      steps = List.copyOf(steps);
    }
  }

  private final GeminiEnterpriseClient client;

  public DeployService(GeminiEnterpriseClient client) {
    this.client = client;
  }

  /** Reuses or creates the agent of {@code config}, deploys it and waits (bounded). */
  public Result deploy(AgentConfig config) {
    GeminiSettings settings = client.settings();
    Optional<AgentSummary> existing = client.list().stream()
        .filter(agent -> agent.displayName().equals(config.displayName())).findFirst();
    Optional<String> authorization = Optional.empty();
    String agentId;
    if (existing.isPresent()) {
      agentId = existing.get().id();
    } else {
      authorization = settings.oauthClient().map(client::createAuthorization);
      agentId = client.create(config, authorization);
    }
    client.deploy(agentId);
    Optional<String> consent = authorization.isPresent()
        ? settings.oauthClient().map(o -> GeminiEnterpriseClient.consentUri(o.clientId()))
        : Optional.empty();
    return new Result(agentId, config.displayName(), existing.isPresent(), authorization,
        AuthorizationSteps.forAgent(settings.withAgentId(agentId), consent));
  }
}
