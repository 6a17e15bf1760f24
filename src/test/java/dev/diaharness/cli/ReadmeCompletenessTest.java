package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every command and every visible flag of the run commands is documented in the README, so it cannot drift. */
class ReadmeCompletenessTest {
  private static String readme() throws Exception {
    return Files.readString(Path.of("README.md"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "evaluate", "optimize", "deploy", "agents", "emulator", "score", "report"})
  void everyCommandIsInTheReadme(String command) throws Exception {
    assertThat(Main.commandLine().getSubcommands()).containsKey(command);
    assertThat(readme()).contains("`" + command);
  }

  @ParameterizedTest
  @ValueSource(strings = {"evaluate", "optimize"})
  void everyVisibleFlagOfTheRunCommandsIsInTheReadme(String command) throws Exception {
    CommandLine sub = Main.commandLine().getSubcommands().get(command);
    List<String> flags = sub.getCommandSpec().options().stream()
        .filter(o -> !o.hidden() && !o.usageHelp() && !o.versionHelp())
        .map(OptionSpec::longestName).toList();
    String readme = readme();
    assertThat(flags).isNotEmpty().allSatisfy(flag -> assertThat(readme).as(flag).contains("`" + flag));
  }

  @org.junit.jupiter.api.Test
  void theReadmeHoldsTheTwoNewcomerCommandsThatCiRuns() throws Exception {
    String readme = readme();
    String ci = Files.readString(Path.of(".ci", "run"));
    assertThat(readme).contains("mvn -B -ntp verify").contains("bin/dia-harness optimize --embedded");
    assertThat(ci).contains("mvn -B -ntp verify").contains("bin/dia-harness optimize --embedded");
  }
}
