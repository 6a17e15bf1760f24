package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.agent.AgentAccessDeniedException;
import dev.diaharness.agent.gemini.GeminiApiException;
import dev.diaharness.core.InputException;
import dev.diaharness.core.RunStoppedException;
import dev.diaharness.llm.BudgetExceededException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * What each kind of failure exits with, through the real handler: 2 bad input or configuration, 3 a bug, 4 the run
 * stopped early (budget, service) — never picocli's default 1, which means a failed quality gate.
 */
class ExitCodesTest {
  @Command(name = "throws")
  static final class Throws implements Callable<Integer> {
    final Supplier<RuntimeException> failure;

    Throws(Supplier<RuntimeException> failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() {
      throw failure.get();
    }
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("bad input", (Supplier<RuntimeException>) () -> new InputException("golden.json row 3: no sql"),
            ExitCode.BAD_INPUT, "error: golden.json row 3: no sql"),
        Arguments.of("missing authorization", (Supplier<RuntimeException>) () -> new AgentAccessDeniedException(
            "agent 7 needs your OAuth consent", List.of("open the link"), Optional.empty()),
            ExitCode.BAD_INPUT, "error: agent 7 needs your OAuth consent"),
        Arguments.of("budget spent", (Supplier<RuntimeException>) () -> new BudgetExceededException(1, 0.99, 0.02),
            ExitCode.STOPPED, "stopped: budget of 1.0000 USD reached"),
        Arguments.of("service failing", (Supplier<RuntimeException>) () -> new GeminiApiException(
            "streamAssist: retries exhausted on 503"), ExitCode.STOPPED, "stopped: streamAssist: retries exhausted"),
        Arguments.of("any stop", (Supplier<RuntimeException>) () -> new RunStoppedException("quota"),
            ExitCode.STOPPED, "stopped: quota"),
        Arguments.of("a bug", (Supplier<RuntimeException>) () -> new IllegalStateException("oops"),
            ExitCode.INTERNAL, "internal error: java.lang.IllegalStateException: oops"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void eachFailureHasItsExitCodeAndOneLine(String name, Supplier<RuntimeException> failure, ExitCode expected,
      String line) {
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new Throws(failure)).setExecutionExceptionHandler(new ErrorHandler())
        .setErr(new PrintWriter(err, true));
    assertThat(cmd.execute()).isEqualTo(expected.code());
    assertThat(err.toString()).startsWith(line).doesNotContain("\tat ");
  }

  @org.junit.jupiter.api.Test
  void theCodesAreDistinctAndListedInHelp() {
    assertThat(Arrays.stream(ExitCode.values()).map(ExitCode::code)).containsExactly(0, 1, 2, 3, 4, 130);
    String help = CliTestSupport.run("--help").out();
    for (ExitCode code : ExitCode.values()) {
      assertThat(help).containsPattern("(?m)^\\s+" + code.code() + "\\s+\\S");
    }
  }
}
