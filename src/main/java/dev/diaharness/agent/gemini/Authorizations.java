package dev.diaharness.agent.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The server-side OAuth authorization resource ({@code projects/P/locations/L/authorizations/ID}) that lets an
 * agent query BigQuery as the consenting user. Its id is derived from the agent's display name, so a second deploy
 * finds it ({@code authorizations.get}) instead of creating another; {@code displayName} is Required by
 * {@code authorizations.create}. A failure here never aborts a deploy: it becomes a warning with the manual steps.
 * Thread-safe.
 */
public final class Authorizations {
  /** What {@link #ensure} did. */
  public sealed interface Outcome permits Reused, Created, Failed {}

  /** The authorization existed and is attached as it is. */
  public record Reused(String name) implements Outcome {}

  /** The authorization was created. */
  public record Created(String name) implements Outcome {}

  /** It could be neither found nor created; the deploy goes on without it. */
  public record Failed(String id, String reason) implements Outcome {}

  private final GeminiHttp http;
  private final GeminiSettings settings;

  public Authorizations(GeminiHttp http) {
    this.http = http;
    this.settings = http.settings();
  }

  /** {@code dia-harness-} + a slug of the display name + a short hash of it: stable, at most 63 characters. */
  public static String idFor(String agentDisplayName) {
    String slug = agentDisplayName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    String hash = sha256(agentDisplayName).substring(0, 8);
    String head = "dia-harness-" + (slug.length() > 40 ? slug.substring(0, 40).replaceAll("-$", "") : slug);
    return (head.endsWith("-") ? head : head + "-") + hash;
  }

  /** The resource name of the authorization of {@code agentDisplayName}. */
  public String nameFor(String agentDisplayName) {
    return settings.locationPath() + "/authorizations/" + idFor(agentDisplayName);
  }

  /** The authorization of this agent when it exists ({@code authorizations.get}); 404 is empty. */
  public Optional<JsonNode> find(String agentDisplayName) {
    return get(nameFor(agentDisplayName));
  }

  /** The authorization resource {@code name} when it exists; 404 is empty. */
  public Optional<JsonNode> get(String name) {
    try {
      return Optional.of(http.get(name));
    } catch (ApiFailure.NotFound e) {
      return Optional.empty();
    }
  }

  /** Reuses the agent's authorization, or creates it with {@code oauth}; never throws for a service failure. */
  public Outcome ensure(GeminiSettings.OAuthClient oauth, String agentDisplayName) {
    String id = idFor(agentDisplayName);
    try {
      Optional<JsonNode> existing = find(agentDisplayName);
      if (existing.isPresent()) {
        return new Reused(existing.get().path("name").asText(nameFor(agentDisplayName)));
      }
      JsonNode created = http.call("POST", settings.locationPath() + "/authorizations?authorizationId=" + id,
          body(oauth, agentDisplayName));
      return new Created(created.path("name").asText(nameFor(agentDisplayName)));
    } catch (InputException e) {
      throw e; // bad local input (no credentials): the deploy cannot go on either
    } catch (RuntimeException e) {
      return new Failed(id, e.getMessage());
    }
  }

  /** The create body; {@code displayName} and {@code serverSideOauth2} are what the service requires. */
  ObjectNode body(GeminiSettings.OAuthClient oauth, String agentDisplayName) {
    RequiredFields.check("authorizations.create", "OAUTH_CLIENT_ID", oauth.clientId());
    RequiredFields.check("authorizations.create", "OAUTH_SECRET", oauth.clientSecret());
    ObjectNode body = Json.MAPPER.createObjectNode()
        .put("name", nameFor(agentDisplayName))
        .put("displayName", displayName(agentDisplayName));
    body.putObject("serverSideOauth2")
        .put("clientId", oauth.clientId())
        .put("clientSecret", oauth.clientSecret())
        .put("authorizationUri", GeminiEnterpriseClient.consentUri(oauth.clientId()))
        .put("tokenUri", GeminiEnterpriseClient.TOKEN_URI);
    return body;
  }

  /** The authorization's display name, shown in the console's consent prompt. */
  static String displayName(String agentDisplayName) {
    return "BigQuery access for " + agentDisplayName;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
