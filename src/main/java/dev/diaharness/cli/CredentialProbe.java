package dev.diaharness.cli;

import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Looks up Application Default Credentials and obtains one access token, for {@code doctor}. The token is never
 * kept, printed or returned: only whether it could be obtained.
 */
interface CredentialProbe {
  /**
   * What was found.
   *
   * @param kind         the credential type found ({@code UserCredentials}, {@code ServiceAccountCredentials},
   *                     {@code ExternalAccountCredentials}…), empty when none
   * @param tokenError   why no token could be obtained, empty when one was
   * @param quotaProject the credentials' own quota project, if they name one
   */
  record Found(Optional<String> kind, Optional<String> tokenError, Optional<String> quotaProject) {}

  Found probe();

  /** The real lookup: {@code GOOGLE_APPLICATION_CREDENTIALS}, gcloud's file, or the metadata server. */
  CredentialProbe APPLICATION_DEFAULT = () -> {
    GoogleCredentials credentials;
    try {
      credentials = GoogleCredentials.getApplicationDefault()
          .createScoped(List.of("https://www.googleapis.com/auth/cloud-platform"));
    } catch (IOException e) {
      return new Found(Optional.empty(), Optional.of("no Application Default Credentials"), Optional.empty());
    }
    Optional<String> quota = Optional.ofNullable(credentials.getQuotaProjectId());
    String kind = credentials.getClass().getSimpleName();
    try {
      credentials.refreshIfExpired();
      return new Found(Optional.of(kind), Optional.empty(), quota);
    } catch (IOException e) {
      // the library's message can name the token endpoint, never the token; keep only its class to be safe
      return new Found(Optional.of(kind), Optional.of(e.getClass().getSimpleName()), quota);
    }
  };
}
