package dev.diaharness.cli;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@link EmulatorOptionsMixin} flags as {@code evaluate} and {@code optimize} take them for their
 * {@code --embedded} emulator: each one renamed {@code --emulator-…} (so {@code --latency-ms} cannot be mistaken for
 * a setting of the run) and hidden, a knob for tests and benchmarks — except {@code --emulator-temperature}, which is
 * public. A picocli model transformer: the flags are declared once, in the mixin, and renamed here when the command
 * is built (also for the fresh command that {@code --resume} parses run.json's arguments into).
 */
final class EmbeddedEmulatorFlags implements IModelTransformer {
  /** How a command spells the emulator's flags. */
  enum Names {
    /** The {@code emulator} command: as declared. */
    STANDALONE,
    /** {@code --embedded}: {@code --emulator-} and the name ({@code --fault-rate} is {@code --emulator-faults}). */
    EMBEDDED;

    /** {@code flag} (as the mixin declares it) as this command spells it. */
    String of(String flag) {
      if (this == STANDALONE) {
        return flag;
      }
      return flag.equals("--fault-rate") ? "--emulator-faults" : "--emulator-" + flag.substring(2);
    }
  }

  /** The one public embedded emulator flag, with the help it has always had. */
  private static final String TEMPERATURE = "--temperature";
  private static final String TEMPERATURE_HELP = "With --embedded: how often the emulator samples among near-tie "
      + "examples, so repeats can disagree as real agents do; 0 = always the top match (default: ${DEFAULT-VALUE}).";

  /** The flags the mixin declares, read from its annotations. */
  private static final Set<String> DECLARED = CommandSpec.forAnnotatedObject(new EmulatorOptionsMixin()).options()
      .stream().map(OptionSpec::longestName).collect(Collectors.toUnmodifiableSet());

  @Override
  public CommandSpec transform(CommandSpec command) {
    for (OptionSpec option : List.copyOf(command.options())) {
      String flag = option.longestName();
      if (DECLARED.contains(flag)) {
        command.remove(option);
        command.addOption(option.toBuilder()
            .names(Names.EMBEDDED.of(flag))
            .hidden(!flag.equals(TEMPERATURE))
            .description(flag.equals(TEMPERATURE) ? TEMPERATURE_HELP
                : "With --embedded: " + String.join(" ", option.description()))
            .build());
      }
    }
    return command;
  }
}
