package dev.diaharness.cli;

import dev.diaharness.core.NotBuiltYetException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deploy}: create (or reuse by display name) and deploy the agent of a config. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = "Create the agent from the config (or reuse the one with the same display name), deploy it, "
        + "wait for the operation, and print its id and the authorization steps.")
final class DeployCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--config-file", paramLabel = "FILE", required = true, description = "Agent config (JSON).")
  Path configFile;

  @Override
  public Integer call() {
    throw new NotBuiltYetException("the Gemini Enterprise client (deploy)");
  }
}
