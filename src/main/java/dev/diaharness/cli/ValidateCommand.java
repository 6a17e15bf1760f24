package dev.diaharness.cli;

import dev.diaharness.core.NotBuiltYetException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code validate}: load every input and report what was found. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Load the config, the golden set (and test set) and the local tables; print what was found, "
        + "or the problems.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--config-file", paramLabel = "FILE", required = true, description = "Agent config (JSON).")
  Path configFile;

  @Option(names = "--golden-set", paramLabel = "FILE", required = true, description = "Training set.")
  Path goldenSet;

  @Option(names = "--test-set", paramLabel = "FILE", description = "Held-out set.")
  Path testSet;

  @Option(names = "--data", paramLabel = "DIR", description = "Folder of tables (default: the config's local_data).")
  Path data;

  @Override
  public Integer call() {
    throw new NotBuiltYetException("validate");
  }
}
