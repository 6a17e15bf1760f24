package dev.diaharness.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A loopback HTTP server that records every request and answers from a scripted function. */
final class FakeLlmServer implements AutoCloseable {

  /** One recorded request. */
  record Recorded(String method, String path, String query, Map<String, List<String>> headers, JsonNode body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  /** A scripted answer. */
  record Reply(int status, String body, Map<String, String> headers) {
    static Reply json(String body) {
      return new Reply(200, body, Map.of());
    }

    static Reply status(int status) {
      return new Reply(status, "{\"error\": {\"code\": " + status + ", \"message\": \"scripted " + status
          + "\", \"status\": \"UNAVAILABLE\"}}", Map.of());
    }
  }

  private final HttpServer server;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private volatile Function<Recorded, Reply> responder;

  FakeLlmServer(Function<Recorded, Reply> responder) throws IOException {
    this.responder = responder;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  void respondWith(Function<Recorded, Reply> newResponder) {
    this.responder = newResponder;
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] raw = exchange.getRequestBody().readAllBytes();
    JsonNode body = raw.length == 0 ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(raw);
    Recorded recorded = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
        exchange.getRequestURI().getQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
    requests.add(recorded);
    Reply reply;
    try {
      reply = responder.apply(recorded);
    } catch (RuntimeException e) {
      reply = new Reply(599, "fake server error: " + e, Map.of());
    }
    byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(reply.status(), out.length);
    exchange.getResponseBody().write(out);
    exchange.close();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** An OpenAI chat-completions answer with {@code content} and the given usage. */
  static String openAiReply(String content, int promptTokens, int completionTokens) {
    var root = Json.MAPPER.createObjectNode().put("id", "chatcmpl-1").put("model", "served-model");
    root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
        .putObject("message").put("role", "assistant").put("content", content);
    root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
        .put("total_tokens", promptTokens + completionTokens);
    return root.toString();
  }
}
