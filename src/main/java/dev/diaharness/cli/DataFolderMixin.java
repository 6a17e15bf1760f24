package dev.diaharness.cli;

import dev.diaharness.config.AgentConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --data DIR} of the commands that load local tables beside a config: the folder, else its local_data. */
final class DataFolderMixin {
  @Option(names = "--data", paramLabel = "DIR", description = "Folder of tables (default: the config's local_data).")
  Path data;

  /** The folder given with {@code --data}, if any. */
  Optional<Path> given() {
    return Optional.ofNullable(data);
  }

  /** {@code --data} when given, else the config's {@code local_data}. */
  Optional<Path> folder(Optional<AgentConfig> config) {
    return given().or(() -> config.flatMap(AgentConfig::localData));
  }
}
