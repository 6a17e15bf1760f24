package dev.diaharness.cli;

import dev.diaharness.agent.AgentAccessDeniedException;
import dev.diaharness.agent.AgentSummary;
import dev.diaharness.agent.PoolPrune;
import dev.diaharness.agent.gemini.GeminiApiException;
import dev.diaharness.core.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agents prune}: deletes the pool agents of {@code optimize --agent-pool}, never any other agent. */
@Command(name = "prune", mixinStandardHelpOptions = true,
    description = "Delete the pool agents ('<display name> · pool k') that optimize --agent-pool created: lists "
        + "them, asks, then deletes each. Other agents are never deleted.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:every listed pool agent is gone (or there was none)", "2:not confirmed, or bad input",
        "3:internal error", "4:the service failed: the listing, or a delete (the others were still tried)",
        "130:interrupted (the agents not reached stay)"})
final class PruneAgentsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--prefix", paramLabel = "P", defaultValue = "",
      description = "Only the pools of agents whose display name starts with P (default: every pool).")
  String prefix;

  @Option(names = "--yes", description = "Do not ask before deleting.")
  boolean yes;

  /** The environment (real over .env); tests replace it. */
  Function<String, Optional<String>> environment = ProcessEnvironment.LOOKUP;
  /** Where the confirmation is read from; tests replace it. */
  BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PoolPrune prune = new PoolPrune(GeminiWiring.client(environment));
    List<AgentSummary> plan;
    try {
      plan = prune.plan(prefix);
    } catch (GeminiApiException e) {
      err.println("error: " + e.getMessage());
      return ExitCode.STOPPED.code();
    }
    String scope = prefix.isEmpty() ? "" : " of agents whose display name starts with '" + prefix + "'";
    if (plan.isEmpty()) {
      out.println("No pool agents" + scope + ": nothing to delete.");
      return ExitCode.OK.code();
    }
    out.println("Pool agents" + scope + " to delete (" + plan.size() + "):");
    plan.forEach(a -> out.printf("  %s  %s  %s%n", a.id(), a.displayName(), a.describeState()));
    out.flush();
    Optional<String> refusal = yes ? Optional.empty() : refusal(out, plan.size());
    if (refusal.isPresent()) {
      err.println("not pruned: " + refusal.get() + " (answer y, or pass --yes)");
      return ExitCode.BAD_INPUT.code();
    }
    List<PoolPrune.Outcome> outcomes = prune.delete(plan, outcome -> {
      out.println(line(outcome));
      out.flush();
    });
    long failed = outcomes.stream().filter(o -> o instanceof PoolPrune.Failed).count();
    out.println((outcomes.size() - failed) + " of " + plan.size() + " pool agents gone"
        + (failed == 0 ? "" : ", " + failed + " failed (run agents prune again to retry them)"));
    return exitCode(outcomes, plan.size());
  }

  /** Asks for confirmation; the reason not to go on, or empty when the answer is yes. */
  private Optional<String> refusal(PrintWriter out, int count) throws IOException {
    out.print("Delete these " + count + " agents? [y/N] ");
    out.flush();
    String answer = input.readLine();
    if (answer == null) {
      out.println();
      return Optional.of("no answer (standard input ended)");
    }
    boolean agreed = List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
    return agreed ? Optional.empty() : Optional.of("the answer was '" + answer.strip() + "'");
  }

  private static String line(PoolPrune.Outcome outcome) {
    AgentSummary a = outcome.agent();
    String agent = a.id() + "  " + a.displayName();
    if (outcome instanceof PoolPrune.Deleted) {
      return "deleted       " + agent;
    }
    if (outcome instanceof PoolPrune.AlreadyGone) {
      return "already gone  " + agent;
    }
    return "FAILED        " + agent + ": " + ((PoolPrune.Failed) outcome).cause().getMessage();
  }

  /**
   * 0 when every agent is gone; else the code of the worst failure: a bug 3, a failing service 4, a refusal of what
   * we sent (bad input, no permission) 2; an interrupt that left agents untried 130.
   */
  private static int exitCode(List<PoolPrune.Outcome> outcomes, int planned) {
    List<RuntimeException> causes = outcomes.stream().filter(o -> o instanceof PoolPrune.Failed)
        .map(o -> ((PoolPrune.Failed) o).cause()).toList();
    if (causes.stream().anyMatch(c -> !isService(c) && !isInput(c))) {
      return ExitCode.INTERNAL.code();
    }
    if (causes.stream().anyMatch(PruneAgentsCommand::isService)) {
      return ExitCode.STOPPED.code();
    }
    if (!causes.isEmpty()) {
      return ExitCode.BAD_INPUT.code();
    }
    return outcomes.size() < planned ? ExitCode.INTERRUPTED.code() : ExitCode.OK.code();
  }

  private static boolean isService(RuntimeException e) {
    return e instanceof GeminiApiException;
  }

  private static boolean isInput(RuntimeException e) {
    return e instanceof InputException || e instanceof AgentAccessDeniedException;
  }

}
