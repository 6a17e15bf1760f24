package dev.diaharness.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.diaharness.emulator.HttpJson.ApiError;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dispatches {@code /v1alpha/…} requests to the emulator's endpoints by method and path, counts them, and turns an
 * {@link ApiError} into a Google-style JSON error. Paths of another project, location or engine are 404. Thread-safe.
 */
final class Router implements HttpHandler {
  private static final String ENGINE =
      "/v1alpha/projects/([^/]+)/locations/([^/]+)/collections/default_collection/engines/([^/:]+)";
  private static final String ASSISTANT = ENGINE + "/assistants/default_assistant";
  private static final Pattern AGENTS = Pattern.compile(ASSISTANT + "/agents");
  private static final Pattern AGENT = Pattern.compile(ASSISTANT + "/agents/([^/:]+)");
  private static final Pattern DEPLOY = Pattern.compile(ASSISTANT + "/agents/([^/:]+):deploy");
  private static final Pattern OPERATION = Pattern.compile(ASSISTANT + "/agents/([^/:]+)/operations/([^/:]+)");
  private static final Pattern SESSIONS = Pattern.compile(ENGINE + "/sessions");
  private static final Pattern STREAM_ASSIST = Pattern.compile(ASSISTANT + ":streamAssist");
  private static final Pattern SESSION = Pattern.compile(ENGINE + "/sessions/([^/:]+)");
  private static final String LOCATION = "/v1alpha/projects/([^/]+)/locations/([^/]+)";
  private static final Pattern AUTHORIZATIONS = Pattern.compile(LOCATION + "/authorizations");
  private static final Pattern AUTHORIZATION = Pattern.compile(LOCATION + "/authorizations/([^/:]+)");

  private final String project;
  private final String location;
  private final String engine;
  private final AgentEndpoints agents;
  private final StreamAssistEndpoint conversations;
  private final RequestMetrics metrics;
  private final AuthorizationEndpoints authorizations;
  private final Optional<Quota> quota;

  Router(String project, String location, String engine, AgentEndpoints agents,
      StreamAssistEndpoint conversations, RequestMetrics metrics, Optional<Quota> quota) {
    this.quota = quota;
    this.project = project;
    this.location = location;
    this.engine = engine;
    this.agents = agents;
    this.conversations = conversations;
    this.metrics = metrics;
    this.authorizations = new AuthorizationEndpoints("projects/" + project + "/locations/" + location);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long arrival = System.nanoTime();
    try (exchange) {
      try {
        route(exchange, arrival);
      } catch (ApiError e) {
        HttpJson.sendError(exchange, e);
      } catch (RuntimeException e) {
        HttpJson.sendError(exchange, 500, "INTERNAL", "Internal error: " + e.getClass().getSimpleName());
      }
    } catch (IOException e) {
      // the client went away (or a truncated stream was cut): nothing more to tell it
    }
  }

  /** True when the request is within the quota; else answers 429 without Retry-After, as Google does. */
  private boolean withinQuota(HttpExchange exchange, long arrival) throws IOException {
    if (quota.isEmpty() || quota.get().admit()) {
      return true;
    }
    metrics.record(Quota.REFUSED, arrival);
    HttpJson.readBytes(exchange);
    HttpJson.sendError(exchange, 429, "RESOURCE_EXHAUSTED",
        "Quota exceeded for quota metric 'Conversation requests' (emulated quota).");
    return false;
  }

  private void route(HttpExchange exchange, long arrival) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    Matcher m;
    if ((m = STREAM_ASSIST.matcher(path)).matches() && checkEngine(m) && is(method, "POST")) {
      metrics.record(RequestMetrics.STREAM_ASSIST, arrival);
      if (withinQuota(exchange, arrival)) {
        conversations.streamAssist(exchange);
      }
    } else if ((m = SESSIONS.matcher(path)).matches() && checkEngine(m) && is(method, "POST")) {
      metrics.record(RequestMetrics.SESSIONS, arrival);
      if (withinQuota(exchange, arrival)) {
        conversations.createSession(exchange);
      }
    } else if ((m = SESSION.matcher(path)).matches() && checkEngine(m) && is(method, "DELETE")) {
      metrics.record("sessions.delete", arrival);
      conversations.deleteSession(exchange, path.substring("/v1alpha/".length()));
    } else if (routeAuthorization(exchange, path, method, arrival)) {
      return;
    } else if ((m = AGENTS.matcher(path)).matches() && checkEngine(m)) {
      agentsCollection(exchange, method, arrival);
    } else if ((m = DEPLOY.matcher(path)).matches() && checkEngine(m) && is(method, "POST")) {
      metrics.record("agents.deploy", arrival);
      agents.deploy(exchange, m.group(4));
    } else if ((m = OPERATION.matcher(path)).matches() && checkEngine(m) && is(method, "GET")) {
      metrics.record("operations.get", arrival);
      agents.operation(exchange, path.substring("/v1alpha/".length()));
    } else if ((m = AGENT.matcher(path)).matches() && checkEngine(m)) {
      agent(exchange, method, m.group(4), arrival);
    } else {
      metrics.record("notFound", arrival);
      throw ApiError.notFound("Method not found: " + method + " " + path);
    }
  }

  private void agentsCollection(HttpExchange exchange, String method, long arrival) throws IOException {
    if (is(method, "GET")) {
      metrics.record("agents.list", arrival);
      agents.list(exchange);
    } else if (is(method, "POST")) {
      metrics.record("agents.create", arrival);
      agents.create(exchange);
    } else {
      unsupported(method, "agents", arrival);
    }
  }

  private void agent(HttpExchange exchange, String method, String id, long arrival) throws IOException {
    if (is(method, "GET")) {
      metrics.record("agents.get", arrival);
      agents.get(exchange, id);
    } else if (is(method, "PATCH")) {
      metrics.record("agents.patch", arrival);
      agents.patch(exchange, id);
    } else if (is(method, "DELETE")) {
      metrics.record("agents.delete", arrival);
      agents.delete(exchange, id);
    } else {
      unsupported(method, "agent " + id, arrival);
    }
  }

  /** The authorization resource, under the location rather than the engine; false when the path is not one. */
  private boolean routeAuthorization(HttpExchange exchange, String path, String method, long arrival)
      throws IOException {
    Matcher m;
    if ((m = AUTHORIZATIONS.matcher(path)).matches() && checkLocation(m) && is(method, "POST")) {
      metrics.record("authorizations.create", arrival);
      authorizations.create(exchange);
      return true;
    }
    if ((m = AUTHORIZATION.matcher(path)).matches() && checkLocation(m)) {
      String name = path.substring("/v1alpha/".length());
      if (is(method, "GET")) {
        metrics.record("authorizations.get", arrival);
        authorizations.get(exchange, name);
      } else if (is(method, "DELETE")) {
        metrics.record("authorizations.delete", arrival);
        authorizations.delete(exchange, name);
      } else {
        unsupported(method, "authorization", arrival);
      }
      return true;
    }
    return false;
  }

  private boolean checkLocation(Matcher m) {
    if (!m.group(1).equals(project) || !m.group(2).equalsIgnoreCase(location)) {
      throw ApiError.notFound("Location projects/" + m.group(1) + "/locations/" + m.group(2) + " not found.");
    }
    return true;
  }

  /** The path's project, location and engine must be this emulator's, as a path of another engine is 404. */
  private boolean checkEngine(Matcher m) {
    if (!m.group(1).equals(project) || !m.group(2).equalsIgnoreCase(location) || !m.group(3).equals(engine)) {
      throw ApiError.notFound("Engine projects/" + m.group(1) + "/locations/" + m.group(2)
          + "/collections/default_collection/engines/" + m.group(3) + " not found.");
    }
    return true;
  }

  private static boolean is(String method, String expected) {
    return method.equalsIgnoreCase(expected);
  }

  /** A known path with another method is 404, like the real service's "method not found". */
  private void unsupported(String method, String what, long arrival) {
    metrics.record("notFound", arrival);
    throw ApiError.notFound("Method not found: " + method + " on " + what);
  }
}
