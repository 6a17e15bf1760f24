package dev.diaharness.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import dev.diaharness.core.RetryAfter;
import java.time.Clock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One JSON-over-HTTP endpoint of a model provider, used by the OpenAI and Anthropic adapters: POSTs a JSON body and
 * classifies the answer. 401/403 become an {@link InputException} naming the credential variable; 429, 5xx,
 * timeouts and refused connections a retryable {@link ProviderException}. Thread-safe (one shared
 * {@link HttpClient}).
 */
public final class JsonHttp {
  private static final int SNIPPET = 300;

  private final HttpClient client;
  private final Duration requestTimeout;
  private final String providerName;
  private final String credentialVariable;

  /**
   * @param credentialVariable the environment variable a 401/403 asks the user to fix, e.g. {@code OPENAI_API_KEY}
   */
  public JsonHttp(String providerName, String credentialVariable, RetrySettings settings) {
    this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    this.requestTimeout = settings.requestTimeout();
    this.providerName = providerName;
    this.credentialVariable = credentialVariable;
  }

  /** POSTs {@code body} to {@code url} with {@code headers}; returns the parsed JSON answer of a 2xx. */
  public JsonNode post(URI url, Map<String, String> headers, JsonNode body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(requestTimeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    headers.forEach(request::header);
    HttpResponse<String> response = send(url, request.build());
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new InputException(credentialVariable + " was rejected by " + origin(url) + " (HTTP " + status
          + "): check the variable" + (status == 403 ? " and the model's access rights" : ""));
    }
    if (status < 200 || status > 299) {
      throw new ProviderException(ProviderException.kindOf(status), status, retryAfter(response),
          providerName + " " + url + ": HTTP " + status + ": " + snippet(response.body()), null);
    }
    try {
      return Json.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new ProviderException(ProviderException.Kind.FATAL, status,
          providerName + " " + url + ": the answer is not JSON: " + snippet(response.body()));
    }
  }

  private HttpResponse<String> send(URI url, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new ProviderException(ProviderException.Kind.TRANSIENT, 0, Optional.empty(),
          providerName + " " + url + ": no answer within " + requestTimeout.toSeconds() + " s", e);
    } catch (IOException e) {
      throw new ProviderException(ProviderException.Kind.TRANSIENT, 0, Optional.empty(),
          providerName + " " + url + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(ProviderException.Kind.FATAL, 0, providerName + " " + url + ": interrupted");
    }
  }

  /** {@code Retry-After}, in seconds or as an HTTP date. */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return RetryAfter.parse(response.headers().firstValue("Retry-After"), Clock.systemUTC());
  }

  static String origin(URI url) {
    return url.getScheme() + "://" + url.getAuthority();
  }

  static String snippet(String body) {
    String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= SNIPPET ? oneLine : oneLine.substring(0, SNIPPET) + "…";
  }
}
