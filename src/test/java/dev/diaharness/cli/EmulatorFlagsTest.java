package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.core.InputException;
import dev.diaharness.emulator.DeployFault;
import dev.diaharness.emulator.EmulatorSettings;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.LatencyPlan;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The emulator's flags are declared once ({@link EmulatorOptionsMixin}): {@code emulator} takes them as declared,
 * {@code evaluate} and {@code optimize} as hidden {@code --emulator-…} flags (but a public
 * {@code --emulator-temperature}), and both give the same {@link EmulatorSettings} for the same values.
 */
class EmulatorFlagsTest {
  static final List<String> DECLARED = CommandSpec.forAnnotatedObject(new EmulatorOptionsMixin()).options().stream()
      .map(OptionSpec::longestName).toList();

  static CommandSpec spec(String command) {
    return Main.commandLine().getSubcommands().get(command).getCommandSpec();
  }

  /** The subcommand {@code command} after parsing {@code args} from the root, as the process does. */
  static CommandLine parsed(String command, String... args) {
    CommandLine root = Main.commandLine();
    String[] all = new String[args.length + 1];
    all[0] = command;
    System.arraycopy(args, 0, all, 1, args.length);
    root.parseArgs(all);
    return root.getSubcommands().get(command);
  }

  @Test
  void theEmulatorCommandShowsEveryFlagAsDeclared() {
    assertThat(DECLARED).contains("--latency-ms", "--fault-rate", "--quota-rps", "--temperature", "--brain",
        "--prose-answers", "--grounded-sql", "--deploy-fault", "--retry-after-seconds", "--latency-p95-ms");
    for (String flag : DECLARED) {
      OptionSpec option = spec("emulator").findOption(flag);
      assertThat(option).as(flag).isNotNull();
      assertThat(option.hidden()).as(flag).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"evaluate", "optimize"})
  void runCommandsTakeThemAsHiddenEmulatorFlagsAndNeverUnderTheirStandaloneNames(String command) {
    CommandSpec spec = spec(command);
    for (String flag : DECLARED) {
      String embedded = EmbeddedEmulatorFlags.Names.EMBEDDED.of(flag);
      OptionSpec option = spec.findOption(embedded);
      assertThat(option).as(embedded).isNotNull();
      assertThat(option.hidden()).as(embedded).isEqualTo(!embedded.equals("--emulator-temperature"));
      assertThat(spec.findOption(flag)).as(flag).isNull();
    }
    assertThat(String.join(" ", spec.findOption("--emulator-temperature").description()))
        .startsWith("With --embedded: how often the emulator samples among near-tie examples");
    assertThat(spec.findOption("--emulator-faults")).isNotNull(); // the name it always had
  }

  @Test
  void bothSpellingsGiveTheSameSettings() {
    CommandLine emulator = parsed("emulator", "--config-file", "c.json", "--seed", "9", "--temperature", "0.2",
        "--latency-ms", "30", "--latency-p95-ms", "90", "--quota-rps", "3", "--fault-rate", "429=0.5,truncate=0.1",
        "--retry-after-seconds", "2", "--prose-answers", "--deploy-fault", "failed", "--engine", "e2");
    CommandLine evaluate = parsed("evaluate", "--seed", "9", "--emulator-temperature", "0.2",
        "--emulator-latency-ms", "30", "--emulator-latency-p95-ms", "90", "--emulator-quota-rps", "3",
        "--emulator-faults", "429=0.5,truncate=0.1",
        "--emulator-retry-after-seconds", "2", "--emulator-prose-answers", "--emulator-deploy-fault", "failed",
        "--emulator-engine", "e2");

    EmulatorCommand standalone = emulator.getCommand();
    EmulatorSettings fromEmulator = standalone.emulator.settings(standalone.seed,
        EmbeddedEmulatorFlags.Names.STANDALONE);
    EvaluateCommand run = evaluate.getCommand();
    EmulatorSettings fromRun = run.run.emulator.settings(run.run.seed, EmbeddedEmulatorFlags.Names.EMBEDDED);

    assertThat(fromRun).isEqualTo(fromEmulator);
    assertThat(fromRun.seed()).isEqualTo(9);
    assertThat(fromRun.temperature()).isEqualTo(0.2);
    assertThat(fromRun.latency()).isEqualTo(LatencyPlan.withP95("f", 90L, LatencyPlan.parse("f", "30")));
    assertThat(fromRun.faults()).isEqualTo(FaultPlan.parse("f", "429=0.5,truncate=0.1")
        .withRetryAfter(Duration.ofSeconds(2)));
    assertThat(fromRun.quotaRps()).contains(3.0);
    assertThat(fromRun.answers()).isEqualTo(new EmulatorSettings.Answers(false, true));
    assertThat(fromRun.deployFault()).isEqualTo(DeployFault.DEPLOYMENT_FAILED);
    assertThat(fromRun.ids()).isEqualTo(new EmulatorSettings.Ids("local-project", "global", "e2"));
    assertThat(fromRun.brain()).isEqualTo(Optional.empty());
  }

  @Test
  void theDefaultsAreTheSameForBothEmulators() {
    CommandLine emulator = parsed("emulator", "--config-file", "c.json");
    CommandLine optimize = parsed("optimize");

    EmulatorSettings fromEmulator = ((EmulatorCommand) emulator.getCommand()).emulator.settings(42,
        EmbeddedEmulatorFlags.Names.STANDALONE);
    EmulatorSettings fromRun = ((OptimizeCommand) optimize.getCommand()).run.emulator.settings(42,
        EmbeddedEmulatorFlags.Names.EMBEDDED);

    assertThat(fromRun).isEqualTo(fromEmulator);
    assertThat(fromRun.temperature()).isEqualTo(0.05);
    assertThat(fromRun.faults()).isEqualTo(FaultPlan.none());
    assertThat(fromRun.latency()).isEqualTo(LatencyPlan.none());
  }

  @Test
  void aBadValueIsNamedAsTheCommandSpellsTheFlag() {
    CommandLine evaluate = parsed("evaluate", "--emulator-quota-rps", "0");
    EmulatorOptionsMixin embedded = ((EvaluateCommand) evaluate.getCommand()).run.emulator;
    assertThatThrownBy(() -> embedded.settings(1, EmbeddedEmulatorFlags.Names.EMBEDDED))
        .isInstanceOf(InputException.class).hasMessage("--emulator-quota-rps must be > 0 requests/s, got 0.0");

    CommandLine emulator = parsed("emulator", "--config-file", "c.json", "--fault-rate", "429=2");
    EmulatorOptionsMixin standalone = ((EmulatorCommand) emulator.getCommand()).emulator;
    assertThatThrownBy(() -> standalone.settings(1, EmbeddedEmulatorFlags.Names.STANDALONE))
        .isInstanceOf(InputException.class).hasMessageStartingWith("--fault-rate");
  }

  @Test
  void aBadEmbeddedFlagStopsEvaluateWithExit2BeforeAnythingStarts() {
    CliTestSupport.CliRun run = CliTestSupport.runWithEnv(java.util.Map.of(), "", "evaluate", "--embedded",
        "--config-file", EvaluateCommandTest.CONFIG, "--golden-set", EvaluateCommandTest.TRAIN,
        "--emulator-faults", "429=2", "--results-dir", "target/emulator-flags-test-never-written");

    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(run.err()).contains("--emulator-faults");
    assertThat(java.nio.file.Path.of("target/emulator-flags-test-never-written")).doesNotExist();
  }
}
