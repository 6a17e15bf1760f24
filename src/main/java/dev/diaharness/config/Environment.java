package dev.diaharness.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment variables a command sees: the real process environment over the variables of a {@code .env} file
 * (SPEC §1: "real environment variables win"). A blank value counts as unset, so an empty {@code BQ_DATASET_ID=}
 * line never becomes an empty BigQuery dataset. This class is immutable and thread-safe.
 *
 * <p>Values may be credentials ({@code OAUTH_SECRET}): never print them; {@link #toString()} shows names only.
 */
public final class Environment {
  /** The file name read from the working directory. */
  public static final String DOT_ENV = ".env";

  private final Map<String, String> real;
  private final Map<String, String> dotEnv;
  private final Optional<Path> dotEnvFile;

  private Environment(Map<String, String> real, Map<String, String> dotEnv, Optional<Path> dotEnvFile) {
    this.real = Map.copyOf(real);
    this.dotEnv = Map.copyOf(dotEnv);
    this.dotEnvFile = dotEnvFile;
  }

  /**
   * The process environment over {@code .env} in the working directory, if that file exists.
   *
   * @throws dev.diaharness.core.InputException when {@code .env} exists but cannot be read or has a bad line
   */
  public static Environment load() {
    return of(System.getenv(), Path.of(DOT_ENV));
  }

  /**
   * The given variables over those of {@code dotEnvFile}; a missing file is no error (it is optional).
   *
   * @throws dev.diaharness.core.InputException when the file exists but cannot be read or has a bad line
   */
  public static Environment of(Map<String, String> real, Path dotEnvFile) {
    Objects.requireNonNull(dotEnvFile, "dotEnvFile");
    if (!Files.exists(dotEnvFile)) {
      return new Environment(real, Map.of(), Optional.empty());
    }
    return new Environment(real, DotEnvParser.parse(dotEnvFile, real), Optional.of(dotEnvFile));
  }

  /** Only the given variables, no {@code .env} (for tests and embedding). */
  public static Environment of(Map<String, String> variables) {
    return new Environment(variables, Map.of(), Optional.empty());
  }

  /** The value of a variable: the real one if set and not blank, else the {@code .env} one if not blank. */
  public Optional<String> get(String name) {
    String value = real.get(name);
    if (value == null || value.isBlank()) {
      value = dotEnv.get(name);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** The {@code .env} file that was read, if there was one. */
  public Optional<Path> dotEnvFile() {
    return dotEnvFile;
  }

  /** Names (never values) of the variables defined in the {@code .env} file. */
  public Set<String> dotEnvNames() {
    return new TreeSet<>(dotEnv.keySet());
  }

  @Override
  public String toString() {
    return "Environment[.env=" + dotEnvFile.map(Path::toString).orElse("none") + ", names=" + dotEnvNames() + "]";
  }
}
