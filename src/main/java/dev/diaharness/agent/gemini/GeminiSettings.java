package dev.diaharness.agent.gemini;

import dev.diaharness.core.InputException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where and how to reach a Gemini Enterprise engine (SPEC §2.3, §3.1): project, location, engine, optional agent,
 * endpoint override, OAuth client for deploy, and the call policy (timeouts, retries). Immutable and thread-safe.
 *
 * @param endpoint     {@code DIA_ENDPOINT}, e.g. {@code http://127.0.0.1:8089} for the emulator; else the Google host
 * @param oauthClient  {@code OAUTH_CLIENT_ID} and {@code OAUTH_SECRET}, both or neither
 */
public record GeminiSettings(
    String project,
    String location,
    String engineId,
    Optional<String> agentId,
    Optional<URI> endpoint,
    Optional<OAuthClient> oauthClient,
    CallPolicy policy) {

  private static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  /** A server-side OAuth client for the agent's BigQuery tool. {@link #toString()} hides the secret. */
  public record OAuthClient(String clientId, String clientSecret) {
    public OAuthClient {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
      return "OAuthClient[clientId=" + clientId + ", clientSecret=***]";
    }
  }

  public GeminiSettings {
    Objects.requireNonNull(project, "project");
    location = Objects.requireNonNull(location, "location").toLowerCase(Locale.ROOT);
    Objects.requireNonNull(engineId, "engineId");
    agentId = Objects.requireNonNullElse(agentId, Optional.empty());
    endpoint = Objects.requireNonNullElse(endpoint, Optional.empty());
    oauthClient = Objects.requireNonNullElse(oauthClient, Optional.empty());
    Objects.requireNonNull(policy, "policy");
  }

  /** Builds the settings from environment variables (a {@code .env} merged with the real environment). */
  public static GeminiSettings fromEnvironment(Map<String, String> env) {
    return fromEnvironment(name -> Optional.ofNullable(env.get(name)));
  }

  /**
   * Builds the settings from a variable lookup; blank values count as unset.
   *
   * @throws InputException naming every missing required variable in one line, or a malformed value
   */
  public static GeminiSettings fromEnvironment(Function<String, Optional<String>> env) {
    Function<String, Optional<String>> get = name -> env.apply(name).map(String::strip).filter(v -> !v.isEmpty());
    List<String> missing = new ArrayList<>();
    for (String required : List.of("GOOGLE_CLOUD_PROJECT", "DIA_ENGINE_ID")) {
      if (get.apply(required).isEmpty()) {
        missing.add(required);
      }
    }
    if (!missing.isEmpty()) {
      throw new InputException("missing environment variable" + (missing.size() > 1 ? "s " : " ")
          + String.join(", ", missing) + " (set them in .env or the environment)");
    }
    String location = get.apply("DIA_LOCATION").orElse("global");
    requireId("DIA_LOCATION", location);
    requireId("DIA_ENGINE_ID", get.apply("DIA_ENGINE_ID").get());
    get.apply("DIA_AGENT_ID").ifPresent(id -> requireId("DIA_AGENT_ID", id));
    return new GeminiSettings(
        get.apply("GOOGLE_CLOUD_PROJECT").get(), location, get.apply("DIA_ENGINE_ID").get(),
        get.apply("DIA_AGENT_ID"), get.apply("DIA_ENDPOINT").map(GeminiSettings::endpointUri),
        oauthClient(get), CallPolicy.defaults());
  }

  private static Optional<OAuthClient> oauthClient(Function<String, Optional<String>> get) {
    Optional<String> id = get.apply("OAUTH_CLIENT_ID");
    Optional<String> secret = get.apply("OAUTH_SECRET");
    if (id.isPresent() != secret.isPresent()) {
      throw new InputException("set both OAUTH_CLIENT_ID and OAUTH_SECRET, or neither (only "
          + (id.isPresent() ? "OAUTH_CLIENT_ID" : "OAUTH_SECRET") + " is set)");
    }
    return id.map(i -> new OAuthClient(i, secret.get()));
  }

  /** Location and ids go into the host name and the path: reject anything that could change either. */
  private static void requireId(String variable, String value) {
    if (!RESOURCE_ID.matcher(value).matches()) {
      throw new InputException(variable + " '" + value + "' is not a valid id (letters, digits, '-', '_', '.')");
    }
  }

  private static URI endpointUri(String value) {
    try {
      URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
      if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new InputException("DIA_ENDPOINT '" + value + "' is not an http(s) base URL such as http://127.0.0.1:8089");
    }
  }

  /** A copy with another call policy (tests use short timeouts and backoffs). */
  public GeminiSettings withPolicy(CallPolicy newPolicy) {
    return new GeminiSettings(project, location, engineId, agentId, endpoint, oauthClient, newPolicy);
  }

  /** A copy that talks to the agent {@code id}. */
  public GeminiSettings withAgentId(String id) {
    requireId("agent id", id);
    return new GeminiSettings(project, location, engineId, Optional.of(id), endpoint, oauthClient, policy);
  }

  /** The agent id, required for asking questions. */
  public String requireAgentId() {
    return agentId.orElseThrow(() -> new InputException(
        "no agent id: set DIA_AGENT_ID (printed by 'dia-harness deploy') or pass --agent-id"));
  }

  /** The base URL: {@code DIA_ENDPOINT}, else the global or regional Discovery Engine host. */
  public URI baseUri() {
    return endpoint.orElseGet(() -> URI.create(location.equals("global")
        ? "https://discoveryengine.googleapis.com"
        : "https://" + location + "-discoveryengine.googleapis.com"));
  }

  /** True when the endpoint is on this machine (the emulator): no credentials are looked up or sent. */
  public boolean isLoopback() {
    String host = baseUri().getHost();
    return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]") || host.equals("::1");
  }

  /** {@code projects/{P}/locations/{L}}. */
  public String locationPath() {
    return "projects/" + project + "/locations/" + location;
  }

  /** {@code projects/{P}/locations/{L}/collections/default_collection/engines/{E}}. */
  public String enginePath() {
    return locationPath() + "/collections/default_collection/engines/" + engineId;
  }

  /** {@code {engine}/assistants/default_assistant}. */
  public String assistantPath() {
    return enginePath() + "/assistants/default_assistant";
  }

  /** {@code {assistant}/agents/{id}}. */
  public String agentPath(String id) {
    requireId("agent id", id);
    return assistantPath() + "/agents/" + id;
  }

  /** The console page where a user opens the engine's agents (for the authorization steps). */
  public String consoleAgentsUrl() {
    return "https://console.cloud.google.com/gen-app-builder/engines/" + engineId
        + "/assistants/default_assistant/agents?project=" + project;
  }
}
