package dev.diaharness.optimize;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.AgentConfigJson;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.run.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The config files of an optimize run under {@code configs/} and rejected proposals under {@code rejected/}. */
public final class RunFiles {
  private final RunDirectory run;

  public RunFiles(RunDirectory run) {
    this.run = run;
  }

  public Path evaluatedConfig(int iteration) {
    return run.configsDir().resolve("config_iteration_" + iteration + ".json");
  }

  public Path suggestedConfig(int iteration) {
    return run.configsDir().resolve("config_iteration_" + iteration + "_suggested.json");
  }

  public Path bestConfig() {
    return run.configsDir().resolve("best_config.json");
  }

  public void write(Path file, AgentConfig config) {
    AgentConfigJson.write(file, config);
  }

  public Optional<AgentConfig> read(Path file) {
    return Files.exists(file) ? Optional.of(AgentConfigLoader.load(file)) : Optional.empty();
  }

  /** The highest iteration whose evaluated config was written (the iteration a resume restarts), or 0. */
  public int lastStartedIteration() {
    int i = 0;
    while (Files.exists(evaluatedConfig(i + 1))) {
      i++;
    }
    return i;
  }

  /** Saves the REJECTED text of a change with the reasons, so a reader sees what was refused and why. */
  public void writeRejected(int iteration, FieldChange change, String reasons) {
    Path dir = run.root().resolve("rejected");
    String stem = "iteration_" + iteration + "_" + change.field().key();
    Path file = dir.resolve(stem + ".txt");
    for (int n = 2; Files.exists(file); n++) {
      file = dir.resolve(stem + "_" + n + ".txt"); // several candidates may change the same field
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "# rejected: " + reasons + "\n# rationale: " + change.rationale() + "\n\n"
          + change.after() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
