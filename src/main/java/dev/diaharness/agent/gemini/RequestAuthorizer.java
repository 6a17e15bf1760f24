package dev.diaharness.agent.gemini;

import com.google.auth.oauth2.GoogleCredentials;
import dev.diaharness.core.InputException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Supplies the authorization headers of a call. Implementations are thread-safe.
 */
interface RequestAuthorizer {
  String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

  /** Headers to add to a request to {@code uri}; never logged. */
  Map<String, List<String>> headers(URI uri);

  /** For a loopback endpoint (the emulator): no credentials at all. */
  static RequestAuthorizer none() {
    return uri -> Map.of();
  }

  /**
   * Application Default Credentials with the cloud-platform scope: a service-account key, gcloud user credentials,
   * a workload identity federation ({@code external_account}) file or the metadata server.
   * {@link GoogleCredentials#getRequestMetadata(URI)} refreshes the token when it nears expiry and is safe to call
   * from many threads, so no locking is done here.
   *
   * @throws InputException when no credentials are found (the message never holds a secret)
   */
  static RequestAuthorizer applicationDefault() {
    GoogleCredentials credentials;
    try {
      credentials = GoogleCredentials.getApplicationDefault().createScoped(List.of(CLOUD_PLATFORM));
    } catch (IOException e) {
      throw new InputException("no Google Application Default Credentials found: run "
          + "'gcloud auth application-default login' or set GOOGLE_APPLICATION_CREDENTIALS to a service-account "
          + "key or workload identity federation file");
    }
    return uri -> {
      try {
        return credentials.getRequestMetadata(uri);
      } catch (IOException e) {
        // the library's message can name the token endpoint, never the token; keep only its class to be safe
        throw new InputException("could not obtain an access token from Application Default Credentials ("
            + e.getClass().getSimpleName() + "): check GOOGLE_APPLICATION_CREDENTIALS or run "
            + "'gcloud auth application-default login'");
      }
    };
  }
}
