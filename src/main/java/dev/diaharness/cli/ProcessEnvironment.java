package dev.diaharness.cli;

import dev.diaharness.config.Environment;
import java.util.Optional;
import java.util.function.Function;

/**
 * The commands' default environment: the real environment over {@code ./.env}, read on first use (so a broken
 * .env is reported by the command that needs it, as one line, not at start-up). Commands keep it in a
 * package-private field that tests replace with a map.
 */
final class ProcessEnvironment {
  static final Function<String, Optional<String>> LOOKUP = new Function<>() {
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

  private ProcessEnvironment() {}
}
