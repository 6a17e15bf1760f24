package dev.diaharness.agent.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A loopback fake of the Gemini Enterprise REST API for tests: routes answer with scripted replies (in order, the
 * last one repeating) and every request is recorded with the time it arrived.
 */
public final class FakeGeminiServer implements AutoCloseable {
  /** One request as received. {@code path} is without {@code /v1alpha/}, {@code query} decoded. */
  public record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body,
      long nanoTime) {
    public JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst();
    }
  }

  /** How a route answers one request. */
  public interface Reply {
    void write(HttpExchange exchange) throws IOException;
  }

  private record Route(String method, Pattern path, List<Reply> replies, int[] next) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();

  public FakeGeminiServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code method} requests whose path (without /v1alpha/) matches {@code pathRegex} fully. */
  public FakeGeminiServer on(String method, String pathRegex, Reply... replies) {
    routes.add(0, new Route(method, Pattern.compile(pathRegex), List.of(replies), new int[1]));
    return this;
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  public List<Recorded> requests(String method, String pathRegex) {
    Pattern p = Pattern.compile(pathRegex);
    List<Recorded> matching = new ArrayList<>();
    for (Recorded r : requests) {
      if (r.method().equals(method) && p.matcher(r.path()).matches()) {
        matching.add(r);
      }
    }
    return matching;
  }

  private void handle(HttpExchange exchange) throws IOException {
    long now = System.nanoTime();
    URI uri = exchange.getRequestURI();
    String path = uri.getPath().replaceFirst("^/v1alpha/", "");
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new Recorded(exchange.getRequestMethod(), path, uri.getQuery() == null ? "" : uri.getQuery(),
        Map.copyOf(exchange.getRequestHeaders()), body, now));
    try (exchange) {
      for (Route route : routes) {
        if (route.method().equals(exchange.getRequestMethod()) && route.path().matcher(path).matches()) {
          next(route).write(exchange);
          return;
        }
      }
      json(404, "{\"error\":{\"code\":404,\"message\":\"no route for " + path + "\",\"status\":\"NOT_FOUND\"}}")
          .write(exchange);
    } catch (IOException clientWentAway) {
      // a client that timed out closes the connection; nothing to answer
    }
  }

  private static Reply next(Route route) {
    synchronized (route) {
      int i = Math.min(route.next()[0]++, route.replies().size() - 1);
      return route.replies().get(i);
    }
  }

  public static Reply json(int status, String body) {
    return json(status, body, Map.of());
  }

  public static Reply json(int status, String body, Map<String, String> headers) {
    return exchange -> {
      headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    };
  }

  public static Reply error(int status, String grpcStatus, String message) {
    return json(status, "{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"status\":\""
        + grpcStatus + "\"}}");
  }

  /** A 200 body sent with chunked transfer, one chunk at a time with {@code pause} between them. */
  public static Reply stream(Duration pause, String... chunks) {
    return exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      for (String chunk : chunks) {
        out.write(chunk.getBytes(StandardCharsets.UTF_8));
        out.flush();
        sleep(pause);
      }
    };
  }

  /** Sends {@code prefix}, then goes silent for {@code stall} (a hung agent). */
  public static Reply stall(String prefix, Duration stall) {
    return exchange -> {
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().write(prefix.getBytes(StandardCharsets.UTF_8));
      exchange.getResponseBody().flush();
      sleep(stall);
    };
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Settings for this server with small timeouts and backoffs. */
  public GeminiSettings settings(String agentId) {
    return GeminiSettings.fromEnvironment(Map.of(
            "GOOGLE_CLOUD_PROJECT", "proj", "DIA_ENGINE_ID", "eng", "DIA_AGENT_ID", agentId, "DIA_ENDPOINT", base()))
        .withPolicy(testPolicy());
  }

  public static CallPolicy testPolicy() {
    return new CallPolicy(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(400),
        Duration.ofSeconds(5), 4, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(10),
        Duration.ofMillis(500), Duration.ofMillis(10), Duration.ofMillis(40));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
