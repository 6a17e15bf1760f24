package dev.diaharness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The opro optimizer's models for CLI tests: a loopback OpenAI-compatible chat server. A config analysis request is
 * answered with a plan to change nl2sql_prompt; each improvement request with {@code improvedPrompt} plus a numbered
 * sentence, so the K candidates of a step are distinct and valid. Thread-safe.
 */
final class OproChatFake implements AutoCloseable {
  private final HttpServer server;
  private final String improvedPrompt;
  private final AtomicInteger candidates = new AtomicInteger();

  OproChatFake(String improvedPrompt) throws IOException {
    this.improvedPrompt = improvedPrompt;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** The variables that make opro use this server (and no judge, whose requests would mix in). */
  Map<String, String> env() {
    return Map.of("PROMPT_IMPROVEMENT_MODEL", "openai:fake-model", "CONFIG_ANALYSIS_MODEL", "openai:fake-model",
        "JUDGEMENT_MODEL", "none", "OPENAI_BASE_URL",
        "http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  /** Improvement requests answered so far: the candidates generated. */
  int candidatesGenerated() {
    return candidates.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
      boolean analysis = body.at("/response_format/json_schema/schema/properties").has("fields");
      String content = analysis ? analysisReply()
          : improvementReply(improvedPrompt, candidates.incrementAndGet());
      byte[] out = openAiReply(content).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, out.length);
      exchange.getResponseBody().write(out);
    }
  }

  /** A config analysis answer: change nl2sql_prompt, because period filters are ignored. */
  static String analysisReply() {
    var root = Json.MAPPER.createObjectNode().put("summary", "period filters are ignored");
    root.putArray("fields").addObject().put("field", "nl2sql_prompt").put("priority", 1)
        .put("rationale", "failed questions name a period the SQL does not filter on");
    return root.toString();
  }

  /** Improvement answer {@code n}: {@code improvedPrompt} plus a numbered sentence. */
  static String improvementReply(String improvedPrompt, int n) {
    var root = Json.MAPPER.createObjectNode().put("rationale", "adds a rule for period filters");
    root.putArray("changes").addObject().put("field", "nl2sql_prompt")
        .put("text", improvedPrompt + " Candidate " + n + " of this step.");
    return root.toString();
  }

  /** An OpenAI chat completion whose assistant message is {@code content}. */
  static String openAiReply(String content) {
    var root = Json.MAPPER.createObjectNode().put("id", "chatcmpl-1").put("model", "fake-model");
    root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
        .putObject("message").put("role", "assistant").put("content", content);
    root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5);
    return root.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
