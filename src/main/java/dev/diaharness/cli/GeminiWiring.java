package dev.diaharness.cli;

import dev.diaharness.agent.gemini.GeminiEnterpriseClient;
import dev.diaharness.agent.gemini.GeminiHttp;
import dev.diaharness.agent.gemini.GeminiSettings;
import dev.diaharness.config.Environment;
import java.util.Optional;
import java.util.function.Function;

/** Builds the Gemini Enterprise client of the commands from the environment. */
final class GeminiWiring {
  /**
   * The real environment over {@code ./.env}, read on first use (so a broken .env is reported by the command that
   * needs it, as one line, not at start-up).
   */
  static final Function<String, Optional<String>> PROCESS_ENV = new Function<>() {
    private volatile Environment loaded;

    @Override
    public Optional<String> apply(String name) {
      Environment env = loaded;
      if (env == null) {
        env = Environment.load();
        loaded = env;
      }
      return env.get(name);
    }
  };

  private GeminiWiring() {}

  static GeminiEnterpriseClient client(Function<String, Optional<String>> env) {
    return new GeminiEnterpriseClient(new GeminiHttp(GeminiSettings.fromEnvironment(env)), env);
  }
}
