package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.cli.CliTestSupport.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CommandLineTest {
  private static final String[] COMMANDS =
      {"deploy", "evaluate", "optimize", "emulator", "report", "agents", "score", "validate"};

  @Test
  void helpListsEveryCommandOfTheSpec() {
    CliRun run = CliTestSupport.run("--help");
    assertThat(run.exitCode()).isZero();
    for (String command : COMMANDS) {
      assertThat(run.out()).containsPattern("(?m)^\\s+" + command + "\\s+\\S");
    }
    assertThat(run.out()).contains("Exit codes:");
  }

  @Test
  void versionNamesTheTool() {
    CliRun run = CliTestSupport.run("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("dia-harness ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"deploy", "evaluate", "optimize", "emulator", "report", "score", "validate"})
  void everyCommandAndOptionHasHelpText(String name) {
    CommandLine sub = Main.commandLine().getSubcommands().get(name);
    assertThat(sub.getCommandSpec().usageMessage().description()).isNotEmpty();
    sub.getCommandSpec().options().forEach(option ->
        assertThat(option.description()).as("description of %s %s", name, option.longestName()).isNotEmpty());
  }

  @Test
  void unknownFlagIsBadInputNotAGateFailure() {
    CliRun run = CliTestSupport.run("score", "--no-such-flag");
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(run.err()).contains("--no-such-flag");
  }
}
