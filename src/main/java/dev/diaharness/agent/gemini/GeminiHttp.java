package dev.diaharness.agent.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.agent.CallGate;
import dev.diaharness.core.Json;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiPredicate;

/**
 * The HTTP transport of the Gemini Enterprise API ({@code /v1alpha}): JSON calls with headers, timeouts on every
 * call, classification of errors and retries. One {@link HttpClient} per endpoint is shared by every instance (it is
 * thread-safe). Credentials are looked up lazily and never for a loopback endpoint. This class is thread-safe.
 */
public final class GeminiHttp {
  private static final Map<String, HttpClient> CLIENTS = new ConcurrentHashMap<>();
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final GeminiSettings settings;
  private final HttpClient client;
  private final RetryListener listener;
  private final Clock clock;
  private final CallGate gate;
  private volatile RequestAuthorizer authorizer;

  /** A transport for {@code settings}, reporting retries to {@code listener}; {@code clock} dates Retry-After. */
  public GeminiHttp(GeminiSettings settings, RetryListener listener, Clock clock) {
    this(settings, listener, clock, CallGate.OPEN);
  }

  /**
   * A transport whose every HTTP attempt first passes {@code gate} (the run's rate limit), and whose 429s are
   * reported to the gate as well as to {@code listener}.
   */
  public GeminiHttp(GeminiSettings settings, RetryListener listener, Clock clock, CallGate gate) {
    this.settings = settings;
    this.gate = gate;
    this.listener = new RetryListener() {
      @Override
      public void onRateLimited(java.util.Optional<Duration> retryAfter) {
        gate.onRateLimited(retryAfter);
        listener.onRateLimited(retryAfter);
      }

      @Override
      public void onRetry(int status, int attempt, Duration delay) {
        gate.onRetry(delay);
        listener.onRetry(status, attempt, delay);
      }
    };
    this.clock = clock;
    this.client = sharedClient(settings.baseUri(), settings.policy().connectTimeout());
    if (settings.isLoopback()) {
      this.authorizer = RequestAuthorizer.none();
    }
  }

  public GeminiHttp(GeminiSettings settings) {
    this(settings, RetryListener.NONE, Clock.systemUTC());
  }

  private static HttpClient sharedClient(URI base, Duration connectTimeout) {
    String key = base.getScheme() + "://" + base.getAuthority() + "|" + connectTimeout.toMillis();
    return CLIENTS.computeIfAbsent(key, k -> HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        // the JDK's cleartext HTTP/2 upgrade confuses simple servers; TLS negotiates HTTP/2 by itself
        .version(base.getScheme().equals("http") ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
        .build());
  }

  public GeminiSettings settings() {
    return settings;
  }

  /** GET {@code /v1alpha/{pathAndQuery}}, retried. */
  public JsonNode get(String pathAndQuery) {
    return call("GET", pathAndQuery, null);
  }

  /**
   * One JSON call, retried per the policy.
   *
   * @param body the JSON body, or {@code null} for none
   * @return the parsed response body ({@code {}} when empty)
   */
  public JsonNode call(String method, String pathAndQuery, JsonNode body) {
    return call(method, pathAndQuery, body, (status, text) -> false);
  }

  /**
   * As {@link #call(String, String, JsonNode)}, but an error response for which {@code doneIf} holds counts as
   * success with an empty body (e.g. a 400 saying the agent is already ENABLED), before any retry.
   */
  public JsonNode call(String method, String pathAndQuery, JsonNode body, BiPredicate<Integer, String> doneIf) {
    RetryPolicy<JsonNode> retry = CallRetry.policy(settings.policy(), maxRetries(), listener);
    return Failsafe.with(retry).get(() -> callOnce(method, pathAndQuery, body, doneIf));
  }

  /**
   * POSTs {@code body} and returns the 200 response body as a stream with idle and whole-body deadlines. Only the
   * wait for the status is retried: once an answer streams, a retry could repeat a question to the agent.
   */
  public InputStream stream(String path, JsonNode body) {
    return stream(path, body, Map.of());
  }

  /** As {@link #stream(String, JsonNode)}, with extra request headers. */
  public InputStream stream(String path, JsonNode body, Map<String, String> headers) {
    RetryPolicy<InputStream> retry = CallRetry.policy(settings.policy(), maxRetries(), listener);
    return Failsafe.with(retry).get(() -> streamOnce(path, body, headers));
  }

  /** In a run, what is left of the conversation's retry budget; else the policy's attempts. */
  private int maxRetries() {
    return Math.max(0, gate.retriesLeft(settings.policy().maxAttempts() - 1));
  }

  private JsonNode callOnce(
      String method, String pathAndQuery, JsonNode body, BiPredicate<Integer, String> doneIf) {
    passGate(method, pathAndQuery);
    HttpRequest request = request(method, pathAndQuery, body, settings.policy().requestTimeout());
    HttpResponse<String> response = await(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()),
        settings.policy().requestTimeout(), method, pathAndQuery);
    if (response.statusCode() / 100 != 2 && doneIf.test(response.statusCode(), response.body())) {
      return Json.MAPPER.createObjectNode();
    }
    if (response.statusCode() / 100 != 2) {
      throw classify(method, pathAndQuery, response.statusCode(), response.body(), response);
    }
    try {
      return response.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new GeminiApiException(method + " " + pathAndQuery + " answered with invalid JSON");
    }
  }

  private InputStream streamOnce(String path, JsonNode body, Map<String, String> headers) {
    passGate("POST", path);
    CallPolicy policy = settings.policy();
    HttpRequest request = request("POST", path, body, policy.requestTimeout(), headers);
    HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = await(
        client.sendAsync(request, HttpResponse.BodyHandlers.ofPublisher()), policy.requestTimeout(), "POST", path);
    TimedBodyStream stream = new TimedBodyStream(policy.streamIdleTimeout(), policy.streamTimeout());
    response.body().subscribe(stream);
    if (response.statusCode() / 100 != 2) {
      throw classify("POST", path, response.statusCode(), readErrorBody(stream), response);
    }
    return stream;
  }

  /** Waits for the run's rate limit before an attempt: retries count as requests at the server too. */
  private void passGate(String method, String path) {
    try {
      gate.beforeCall();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiFailure.Transport(method + " " + path + " was interrupted", false, e);
    }
  }

  private HttpRequest request(String method, String pathAndQuery, JsonNode body, Duration timeout) {
    return request(method, pathAndQuery, body, timeout, Map.of());
  }

  private HttpRequest request(String method, String pathAndQuery, JsonNode body, Duration timeout,
      Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(url(pathAndQuery))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("X-Goog-User-Project", settings.project())
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    authorizer().headers(url(pathAndQuery)).forEach((name, values) -> {
      if (!name.equalsIgnoreCase("x-goog-user-project")) { // ours names the project of the call
        values.forEach(value -> builder.header(name, value));
      }
    });
    headers.forEach(builder::header);
    return builder.build();
  }

  private URI url(String pathAndQuery) {
    String base = settings.baseUri().toString();
    return URI.create(base + "/v1alpha/" + pathAndQuery);
  }

  private RequestAuthorizer authorizer() {
    RequestAuthorizer a = authorizer;
    if (a == null) {
      synchronized (this) {
        if (authorizer == null) {
          authorizer = RequestAuthorizer.applicationDefault();
        }
        a = authorizer;
      }
    }
    return a;
  }

  private <T> HttpResponse<T> await(
      CompletableFuture<HttpResponse<T>> future, Duration timeout, String method, String path) {
    String call = method + " " + path;
    try {
      // the request timeout covers the headers; this bound also covers reading a plain body
      return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ApiFailure.Timeout(call + " got no answer within " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ApiFailure.Transport(call + " was interrupted", false, e);
    } catch (ExecutionException e) {
      throw transportFailure(call, e.getCause());
    }
  }

  private static RuntimeException transportFailure(String call, Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException) {
      return new ApiFailure.Transport(call + ": connect timed out", true, cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new ApiFailure.Timeout(call + " got no answer in time");
    }
    if (cause instanceof ConnectException) {
      return new ApiFailure.Transport(call + ": cannot connect", true, cause);
    }
    String message = cause.getMessage() == null ? "" : cause.getMessage();
    return new ApiFailure.Transport(call + " failed: " + cause.getClass().getSimpleName()
        + (message.isEmpty() ? "" : " " + message), closedBeforeAnswering(cause, message), cause);
  }

  /**
   * The server closed a reused keep-alive connection without answering ("header parser received no bytes", a
   * reset): the request never got an answer, so sending it again on a fresh connection is safe. (The JDK's client
   * retries that only for GET and HEAD.)
   */
  private static boolean closedBeforeAnswering(Throwable cause, String message) {
    return cause instanceof java.io.IOException
        && (message.contains("received no bytes") || message.contains("Connection reset")
            || message.contains("connection was closed"));
  }

  private RuntimeException classify(String method, String path, int status, String body, HttpResponse<?> response) {
    return ResponseClassifier.classify(method + " " + stripQuery(path), status, body,
        response.headers().firstValue("Retry-After"), clock, AuthorizationSteps.forAgent(settings));
  }

  private static String stripQuery(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  private static String readErrorBody(TimedBodyStream stream) {
    try (stream) {
      return new String(stream.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
