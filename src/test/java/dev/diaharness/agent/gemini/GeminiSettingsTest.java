package dev.diaharness.agent.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.core.InputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeminiSettingsTest {
  @Test
  void everyMissingRequiredVariableIsNamedInOneLine() {
    assertThatThrownBy(() -> GeminiSettings.fromEnvironment(Map.of("DIA_LOCATION", "eu")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("GOOGLE_CLOUD_PROJECT, DIA_ENGINE_ID")
        .hasMessageNotContaining("\n");
  }

  @ParameterizedTest
  @CsvSource({
      "global, , https://discoveryengine.googleapis.com",
      "EU, , https://eu-discoveryengine.googleapis.com",
      "us, http://127.0.0.1:8089/, http://127.0.0.1:8089"})
  void hostFollowsLocationUnlessOverridden(String location, String endpoint, String expected) {
    Map<String, String> env = new java.util.HashMap<>(Map.of(
        "GOOGLE_CLOUD_PROJECT", "p", "DIA_ENGINE_ID", "e", "DIA_LOCATION", location));
    if (endpoint != null) {
      env.put("DIA_ENDPOINT", endpoint);
    }
    GeminiSettings settings = GeminiSettings.fromEnvironment(env);
    assertThat(settings.baseUri()).hasToString(expected);
    assertThat(settings.assistantPath()).isEqualTo("projects/p/locations/" + location.toLowerCase()
        + "/collections/default_collection/engines/e/assistants/default_assistant");
    assertThat(settings.isLoopback()).isEqualTo(endpoint != null);
  }

  @Test
  void halfAnOauthClientIsBadInputAndTheSecretIsNeverPrinted() {
    assertThatThrownBy(() -> GeminiSettings.fromEnvironment(Map.of(
        "GOOGLE_CLOUD_PROJECT", "p", "DIA_ENGINE_ID", "e", "OAUTH_SECRET", "s3cret")))
        .isInstanceOf(InputException.class).hasMessageContaining("OAUTH_CLIENT_ID").hasMessageNotContaining("s3cret");
    assertThat(new GeminiSettings.OAuthClient("id", "s3cret").toString()).doesNotContain("s3cret");
  }

  @Test
  void aLocationThatCouldChangeTheHostIsRejected() {
    assertThatThrownBy(() -> GeminiSettings.fromEnvironment(Map.of(
        "GOOGLE_CLOUD_PROJECT", "p", "DIA_ENGINE_ID", "e", "DIA_LOCATION", "evil.com/x")))
        .isInstanceOf(InputException.class).hasMessageContaining("DIA_LOCATION");
  }
}
