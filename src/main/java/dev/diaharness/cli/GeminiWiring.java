package dev.diaharness.cli;

import dev.diaharness.agent.gemini.GeminiEnterpriseClient;
import dev.diaharness.agent.gemini.GeminiHttp;
import dev.diaharness.agent.gemini.GeminiSettings;
import java.util.Optional;
import java.util.function.Function;

/** Builds the Gemini Enterprise client of the commands from the environment. */
final class GeminiWiring {
  /** The process environment; the lead replaces it with the .env-aware Environment. */
  static final Function<String, Optional<String>> PROCESS_ENV = name -> Optional.ofNullable(System.getenv(name));

  private GeminiWiring() {}

  static GeminiEnterpriseClient client(Function<String, Optional<String>> env) {
    return new GeminiEnterpriseClient(new GeminiHttp(GeminiSettings.fromEnvironment(env)), env);
  }
}
