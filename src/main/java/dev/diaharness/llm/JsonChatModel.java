package dev.diaharness.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * What every JSON-over-HTTP chat adapter does the same way: one endpoint, one POST per attempt through
 * {@link JsonHttp} under the provider's {@link ProviderCalls} policy (retries, concurrency bound). An adapter says
 * only what differs between providers: the endpoint and headers (credentials, API version), the request body and how
 * to read the answer. Thread-safe when the adapter's two methods are.
 */
public abstract class JsonChatModel implements ChatModel {
  private final String id;
  private final String model;
  private final URI endpoint;
  private final Map<String, String> headers;
  private final JsonHttp http;
  private final ProviderCalls calls;

  /**
   * @param id       the configured name, e.g. {@code openai:gpt-4o-mini}
   * @param model    the name sent to the server, e.g. {@code gpt-4o-mini}
   * @param endpoint see {@link #endpoint(String, String)}
   * @param headers  sent with every request besides {@code Content-Type}: credentials, API version
   */
  protected JsonChatModel(String id, String model, URI endpoint, Map<String, String> headers, JsonHttp http,
      ProviderCalls calls) {
    this.id = Objects.requireNonNull(id, "id");
    this.model = Objects.requireNonNull(model, "model");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.headers = Map.copyOf(headers);
    this.http = Objects.requireNonNull(http, "http");
    this.calls = Objects.requireNonNull(calls, "calls");
  }

  /** {@code baseUrl} + {@code path}, with one slash between them whether or not the base URL ends in one. */
  protected static URI endpoint(String baseUrl, String path) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return URI.create(base + path);
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final ChatReply complete(ChatRequest request) {
    ObjectNode body = body(request);
    JsonNode answer = calls.call(() -> http.post(endpoint, headers, body));
    return parse(answer);
  }

  /** The name sent to the server; also the reply's model when the answer names none. */
  protected final String model() {
    return model;
  }

  /** The URL every request goes to, for error messages. */
  protected final URI endpoint() {
    return endpoint;
  }

  /** The provider's request body for {@code request}. */
  protected abstract ObjectNode body(ChatRequest request);

  /**
   * The reply in a 2xx answer.
   *
   * @throws ProviderException when the answer holds no reply
   */
  protected abstract ChatReply parse(JsonNode answer);
}
