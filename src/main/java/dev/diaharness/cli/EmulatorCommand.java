package dev.diaharness.cli;

import dev.diaharness.core.NotBuiltYetException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code emulator}: the local Gemini-Enterprise-compatible agent server, in the foreground. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
    description = "Start the local Gemini-Enterprise-compatible agent server in the foreground.")
final class EmulatorCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8765",
      description = "Loopback port to listen on (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--config-file", paramLabel = "FILE", required = true,
      description = "Agent config the emulator starts with (one ENABLED agent).")
  Path configFile;

  @Option(names = "--data", paramLabel = "DIR", description = "Folder of tables (default: the config's local_data).")
  Path data;

  @Override
  public Integer call() {
    throw new NotBuiltYetException("the emulator");
  }
}
