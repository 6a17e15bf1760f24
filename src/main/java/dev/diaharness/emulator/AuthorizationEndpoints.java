package dev.diaharness.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.diaharness.emulator.HttpJson.ApiError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The authorization resource ({@code projects/P/locations/L/authorizations/ID}): create with
 * {@code authorizationId}, get and delete. As in the discovery document, {@code displayName} is Required; the
 * client secret is stored but never returned. Thread-safe.
 */
final class AuthorizationEndpoints {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  private final String location;
  private final Map<String, ObjectNode> authorizations = new ConcurrentHashMap<>();

  /** @param location {@code projects/P/locations/L} */
  AuthorizationEndpoints(String location) {
    this.location = location;
  }

  void create(HttpExchange exchange) throws IOException {
    JsonNode body = HttpJson.readBody(exchange);
    String id = HttpJson.query(exchange).getOrDefault("authorizationId", "");
    if (!ID.matcher(id).matches()) {
      throw ApiError.invalid("authorizationId '" + id + "' must match [a-z][a-z0-9-]{0,62}.");
    }
    List<String> missing = new ArrayList<>();
    if (body.path("displayName").asText("").isBlank()) {
      missing.add("authorization.displayName");
    }
    for (String field : List.of("clientId", "clientSecret", "authorizationUri", "tokenUri")) {
      if (body.path("serverSideOauth2").path(field).asText("").isBlank()) {
        missing.add("authorization.serverSideOauth2." + field);
      }
    }
    if (!missing.isEmpty()) {
      throw ApiError.requiredFields(missing);
    }
    String name = location + "/authorizations/" + id;
    ObjectNode stored = body.deepCopy();
    stored.put("name", name);
    if (authorizations.putIfAbsent(name, stored) != null) {
      throw new ApiError(409, "ALREADY_EXISTS", "Authorization " + name + " already exists.");
    }
    HttpJson.send(exchange, 200, visible(stored));
  }

  void get(HttpExchange exchange, String name) throws IOException {
    HttpJson.send(exchange, 200, visible(find(name)));
  }

  void delete(HttpExchange exchange, String name) throws IOException {
    HttpJson.readBytes(exchange);
    find(name);
    authorizations.remove(name);
    HttpJson.send(exchange, 200, HttpJson.parse(new byte[0]));
  }

  private ObjectNode find(String name) {
    ObjectNode found = authorizations.get(name);
    if (found == null) {
      throw ApiError.notFound("Authorization " + name + " not found.");
    }
    return found;
  }

  /** What a get returns: everything but the client secret. */
  private static ObjectNode visible(ObjectNode stored) {
    ObjectNode copy = stored.deepCopy();
    if (copy.path("serverSideOauth2").isObject()) {
      ((ObjectNode) copy.get("serverSideOauth2")).remove("clientSecret");
    }
    return copy;
  }
}
