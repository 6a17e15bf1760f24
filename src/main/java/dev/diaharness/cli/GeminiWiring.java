package dev.diaharness.cli;

import dev.diaharness.agent.gemini.GeminiEnterpriseClient;
import dev.diaharness.agent.gemini.GeminiHttp;
import dev.diaharness.agent.gemini.GeminiSettings;
import java.util.Optional;
import java.util.function.Function;

/** Builds the Gemini Enterprise client of the commands from the environment. */
final class GeminiWiring {
  private GeminiWiring() {}

  static GeminiEnterpriseClient client(Function<String, Optional<String>> env) {
    return new GeminiEnterpriseClient(new GeminiHttp(GeminiSettings.fromEnvironment(env)), env);
  }
}
