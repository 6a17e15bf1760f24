package dev.diaharness.optimize.opro;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loopback OpenAI-compatible chat server that records every request body, counts the requests in flight, and
 * answers from a scripted function of the request body. With a barrier of K, requests wait until K of them are in
 * flight together (or 10 s pass), which proves that K were sent in parallel without timing assertions.
 */
final class FakeChatServer implements AutoCloseable {
  /** A scripted answer: an HTTP status and, for 200, the assistant's message content. */
  record Reply(int status, String content) {
    static Reply ok(String content) {
      return new Reply(200, content);
    }
  }

  private final HttpServer server;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final Function<JsonNode, Reply> responder;
  private volatile CyclicBarrier barrier;
  private volatile String barrierModel = "";

  FakeChatServer(Function<JsonNode, Reply> responder) throws IOException {
    this.responder = responder;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** Requests for {@code model} wait until {@code parties} of them are in flight together. */
  void holdUntilInFlight(String model, int parties) {
    barrierModel = model;
    barrier = new CyclicBarrier(parties);
  }

  private void handle(HttpExchange exchange) throws IOException {
    JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
    requests.add(body);
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      CyclicBarrier b = barrier;
      if (b != null && barrierModel.equals(body.path("model").asText())) {
        try {
          b.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          // not enough parallel requests: answer anyway, the max-in-flight assertion will fail
        }
      }
      Reply reply = responder.apply(body);
      byte[] out = (reply.status() == 200 ? openAiReply(reply.content())
          : "{\"error\":{\"message\":\"scripted " + reply.status() + "\"}}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), out.length);
      exchange.getResponseBody().write(out);
    } finally {
      inFlight.decrementAndGet();
      exchange.close();
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  /** The recorded requests to {@code model}. */
  List<JsonNode> requestsTo(String model) {
    return requests.stream().filter(r -> r.path("model").asText().equals(model)).toList();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  /** The user message of a recorded request. */
  static String user(JsonNode request) {
    for (JsonNode m : request.path("messages")) {
      if (m.path("role").asText().equals("user")) {
        return m.path("content").asText();
      }
    }
    return "";
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static String openAiReply(String content) {
    var root = Json.MAPPER.createObjectNode().put("id", "chatcmpl-1").put("model", "served");
    root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
        .putObject("message").put("role", "assistant").put("content", content);
    root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
    return root.toString();
  }
}
