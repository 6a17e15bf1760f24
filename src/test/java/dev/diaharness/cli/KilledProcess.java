package dev.diaharness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A second JVM running {@code dia-harness} (the test's own classpath), killed with SIGKILL
 * ({@link Process#destroyForcibly()}) at a moment the test chooses — the crash a resume must survive. Its
 * environment is only what the test gives (no developer .env or model keys leak in), its working folder a temp one.
 */
final class KilledProcess {
  private KilledProcess() {}

  /**
   * Starts {@code dia-harness args…}, polls {@code killWhen} every 20 ms and kills the process as soon as it
   * holds. Fails when the process ends by itself first (the kill point was never reached) or after the timeout.
   */
  static void runAndKill(Path workDir, Map<String, String> env, BooleanSupplier killWhen, Duration timeout,
      String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "dev.diaharness.cli.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(workDir.resolve("child-output.txt").toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.start();
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (!killWhen.getAsBoolean()) {
        if (!process.isAlive()) {
          throw new AssertionError("the process ended (exit " + process.exitValue() + ") before the kill point:\n"
              + output(workDir));
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the kill point was not reached within " + timeout + ":\n" + output(workDir));
        }
        Thread.sleep(20);
      }
    } finally {
      process.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks, no flush
      process.waitFor();
    }
  }

  static String output(Path workDir) throws IOException {
    Path file = workDir.resolve("child-output.txt");
    return Files.exists(file) ? Files.readString(file) : "";
  }

  /** Lines in a file (0 when it does not exist yet); never fails on a file being written. */
  static long lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
