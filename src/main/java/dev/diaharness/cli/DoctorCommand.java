package dev.diaharness.cli;

import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.dataset.GoldenSetLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code doctor}: the pre-flight a new user runs first, one line per check. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = {"Check, one line each, everything a run needs: environment, credentials, engine, agent, "
        + "authorization, one question end to end, local tables, the golden set's SQL on them, models.",
        "Works against Gemini Enterprise and the emulator (DIA_ENDPOINT) alike; never prints a token.",
        "Example: dia-harness doctor --config-file my_config.json --golden-set golden.json"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every check passed", "2:a check failed; the line marked ✗ says what to do"})
final class DoctorCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--config-file", paramLabel = "FILE",
      description = "Agent config: finds the agent by display name and its local tables.")
  Path configFile;

  @Option(names = "--golden-set", paramLabel = "FILE",
      description = "Golden set: its first question is the smoke question, its expected SQL is run on the tables.")
  Path goldenSet;

  @Option(names = "--agent-id", paramLabel = "ID", description = "Agent to check (default: DIA_AGENT_ID).")
  String agentId;

  @Mixin DataFolderMixin dataFolder;

  /** Where variables come from; tests replace it. */
  Function<String, Optional<String>> environment = ProcessEnvironment.LOOKUP;
  /** How credentials are looked up; tests replace it. */
  CredentialProbe credentials = CredentialProbe.APPLICATION_DEFAULT;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Doctor.Inputs inputs = new Doctor.Inputs(environment,
        Optional.ofNullable(configFile).map(AgentConfigLoader::load),
        Optional.ofNullable(goldenSet).map(GoldenSetLoader::load), Optional.ofNullable(agentId),
        dataFolder.given(), Optional.ofNullable(configFile));
    List<CheckResult> results = new Doctor(inputs, credentials, new ModelCheck(environment), r -> {
      out.println(r.line());
      out.flush();
    }).run();
    List<CheckResult> failed = results.stream().filter(r -> !r.passed()).toList();
    if (failed.isEmpty()) {
      out.println("doctor: all " + results.size() + " checks passed");
      return ExitCode.OK.code();
    }
    CheckResult last = results.get(results.size() - 1);
    out.println(last.blocking() && !last.passed()
        ? "doctor: stopped at '" + last.check() + "'; the checks after it need it"
        : "doctor: " + failed.size() + " check" + (failed.size() == 1 ? "" : "s") + " failed: "
            + failed.stream().map(CheckResult::check).collect(Collectors.joining(", ")));
    return ExitCode.BAD_INPUT.code();
  }
}
