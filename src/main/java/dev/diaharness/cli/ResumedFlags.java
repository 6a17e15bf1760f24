package dev.diaharness.cli;

import dev.diaharness.core.InputException;
import dev.diaharness.run.RunFolder;
import dev.diaharness.run.RunManifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --resume RUN_DIR}: the run goes on with the inputs and flags it was started with, read from its run.json.
 * Flags given beside {@code --resume} may only change how the run is carried out ({@link #CARRY_OUT}); any other
 * flag must be left out or given the value the run already has — a different one is bad input, named.
 */
final class ResumedFlags {
  /** The flags a resumed run may change: speed, limits, budget, retries, output detail — never what is measured. */
  static final List<String> CARRY_OUT = List.of("--max-workers", "--rate-limit", "--item-timeout", "--max-usd",
      "--retry-errors", "--no-judge-cache", "--max-iterations", "--verbose", "--emulator-latency-ms",
      "--emulator-faults", "--emulator-retry-after-seconds", "--agent-pool");

  private static final Set<String> NOT_COPIED = Set.of("--resume", "--help", "--version");

  private ResumedFlags() {}

  /**
   * Sets every option of {@code current} to the resumed run's value, except the {@link #CARRY_OUT} flags given now.
   *
   * @param fresh a new, unparsed instance of the same command, to parse the run's arguments into
   * @throws InputException when the folder holds no readable run.json (or one of a newer dia-harness), is a run of
   *     another command, or a flag given now differs from the run's
   */
  static void apply(CommandSpec current, Path runDir, Supplier<Object> fresh) {
    RunManifest manifest = RunFolder.manifestOf(runDir);
    if (!current.name().equals(manifest.command())) {
      throw InputException.inFile(runDir, "is a run of '" + manifest.command() + "'; resume it with: "
          + CommandLines.resume(manifest.command(), runDir));
    }
    Path workingDir = manifest.workingDir() == null ? Path.of("").toAbsolutePath() : Path.of(manifest.workingDir());
    CommandLine original = new CommandLine(fresh.get());
    original.parseArgs(manifest.argsToResume().toArray(String[]::new));
    CommandSpec was = original.getCommandSpec();
    List<OptionSpec> givenNow = current.commandLine().getParseResult().matchedOptions();
    for (OptionSpec now : givenNow) {
      String name = now.longestName();
      if (NOT_COPIED.contains(name) || CARRY_OUT.contains(name)) {
        continue;
      }
      OptionSpec then = was.findOption(name);
      Object before = then == null ? null : comparable(then.getValue(), workingDir);
      Object after = comparable(now.getValue(), Path.of("").toAbsolutePath());
      if (!Objects.equals(before, after)) {
        throw new InputException(name + " differs from the run being resumed (" + shown(before) + " there, "
            + shown(after) + " here): a resumed run keeps its inputs and flags; leave " + name
            + " out. Only these may change: " + String.join(", ", CARRY_OUT));
      }
    }
    for (OptionSpec then : was.options()) {
      String name = then.longestName();
      boolean keepNow = CARRY_OUT.contains(name) && givenNow.stream().anyMatch(o -> o.longestName().equals(name));
      OptionSpec now = current.findOption(name);
      if (now != null && !keepNow && !NOT_COPIED.contains(name)) {
        now.setValue(resolved(then.getValue(), workingDir));
      }
    }
  }

  private static Object resolved(Object value, Path base) {
    return value instanceof Path p && !p.isAbsolute() ? base.resolve(p).normalize() : value;
  }

  private static Object comparable(Object value, Path base) {
    Object v = resolved(value, base);
    return v instanceof Path p ? p.toAbsolutePath().normalize().toString() : v == null ? null : v.toString();
  }

  private static String shown(Object value) {
    return value == null ? "not given" : value.toString();
  }
}
