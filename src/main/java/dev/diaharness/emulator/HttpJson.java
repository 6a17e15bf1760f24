package dev.diaharness.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON bodies, query parameters and Google-style error replies over {@link HttpExchange}. Stateless. */
final class HttpJson {
  private HttpJson() {}

  /** A reply the handler wants to send instead of its normal answer: {@code {"error": {code, message, status}}}. */
  static final class ApiError extends RuntimeException {
    final int code;
    final String status;
    /** {@code error.details[]}, e.g. a {@code google.rpc.BadRequest}; empty for most errors */
    final List<ObjectNode> details;

    ApiError(int code, String status, String message) {
      this(code, status, message, List.of());
    }

    ApiError(int code, String status, String message, List<ObjectNode> details) {
      super(message);
      this.code = code;
      this.status = status;
      this.details = List.copyOf(details);
    }

    /**
     * Google's 400 for a missing Required field: {@code INVALID_ARGUMENT} with a {@code google.rpc.BadRequest}
     * detail whose {@code fieldViolations[]} name the fields ({@code agent.description}).
     */
    static ApiError requiredFields(List<String> fields) {
      ObjectNode badRequest = Json.MAPPER.createObjectNode().put("@type", "type.googleapis.com/google.rpc.BadRequest");
      var violations = badRequest.putArray("fieldViolations");
      fields.forEach(f -> violations.addObject().put("field", f).put("description", "Field is required"));
      return new ApiError(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", List.of(badRequest));
    }

    static ApiError notFound(String message) {
      return new ApiError(404, "NOT_FOUND", message);
    }

    static ApiError invalid(String message) {
      return new ApiError(400, "INVALID_ARGUMENT", message);
    }

    static ApiError precondition(String message) {
      return new ApiError(400, "FAILED_PRECONDITION", message);
    }
  }

  /** The request body as JSON; an empty body is an empty object. */
  static JsonNode readBody(HttpExchange exchange) throws IOException {
    return parse(readBytes(exchange));
  }

  /** Reads the whole body: a reply sent before the body is consumed can stall a keep-alive connection. */
  static byte[] readBytes(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  static JsonNode parse(byte[] bytes) throws IOException {
    if (bytes.length == 0) {
      return Json.MAPPER.createObjectNode();
    }
    try {
      JsonNode node = Json.MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw ApiError.invalid("Invalid JSON payload: expected an object");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiError.invalid("Invalid JSON payload received: " + e.getOriginalMessage());
    }
  }


  static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> params = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  static void send(HttpExchange exchange, int code, JsonNode body) throws IOException {
    byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static void sendError(HttpExchange exchange, ApiError error) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ObjectNode e = body.putObject("error").put("code", error.code).put("message", error.getMessage())
        .put("status", error.status);
    if (!error.details.isEmpty()) {
      error.details.forEach(e.putArray("details")::add);
    }
    send(exchange, error.code, body);
  }

  static void sendError(HttpExchange exchange, int code, String status, String message) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.putObject("error").put("code", code).put("message", message).put("status", status);
    send(exchange, code, body);
  }
}
