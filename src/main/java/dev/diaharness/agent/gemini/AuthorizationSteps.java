package dev.diaharness.agent.gemini;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The steps a user takes when an agent or its caller is not authorized (shown on 403 and after deploy). */
public final class AuthorizationSteps {
  private AuthorizationSteps() {}

  /** Steps for the engine of {@code settings}, without a consent URL. */
  public static List<String> forAgent(GeminiSettings settings) {
    return forAgent(settings, Optional.empty());
  }

  /** Steps for the engine of {@code settings}, starting with the consent URL when the service gave one. */
  public static List<String> forAgent(GeminiSettings settings, Optional<String> authorizationUri) {
    List<String> steps = new ArrayList<>();
    authorizationUri.ifPresent(uri ->
        steps.add("open this URL signed in as the caller and grant BigQuery access: " + uri));
    steps.add((authorizationUri.isPresent() ? "or open " : "open ") + settings.consoleAgentsUrl() + ", chat with the agent once and follow its "
        + "authorization link");
    steps.add("check that the caller's credentials (Application Default Credentials) have the Discovery Engine "
        + "User role on project " + settings.project());
    settings.agentId().ifPresent(id -> steps.add("make sure DIA_AGENT_ID=" + id + " is the agent you authorized"));
    steps.add("then run the command again; results written so far are kept");
    return steps;
  }
}
