package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.config.ConfigHash;
import dev.diaharness.config.NlExample;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.dataset.GoldenSetLoader;
import dev.diaharness.optimize.AppliedChange;
import dev.diaharness.optimize.ConfigField;
import dev.diaharness.optimize.ConfigSnapshot;
import dev.diaharness.optimize.IterationRecord;
import dev.diaharness.optimize.ProposalRecord;
import dev.diaharness.optimize.Trajectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code optimize} command on the embedded example, without {@code --auto-accept}, answered through piped
 * stdin: approve, edit (lines until END), skip, and "n" to stop. The trajectory records each decision, and a stop
 * by the user still ends with the best evaluated config deployed.
 */
class OptimizeInteractiveTest {
  @TempDir Path results;

  private CliRun optimize(String stdin) {
    return CliTestSupport.runWithEnv(Map.of(), stdin, "optimize", "--embedded",
        "--config-file", EvaluateCommandTest.CONFIG, "--golden-set", EvaluateCommandTest.TRAIN,
        "--test-set", EvaluateCommandTest.TEST, "--num-repeats", "1", "--optimizer", "examples",
        "--emulator-temperature", "0", "--results-dir", results.toString());
  }

  private static List<String> decisions(IterationRecord r) {
    return r.proposal().map(ProposalRecord::changes).orElse(List.of()).stream().map(AppliedChange::decision).toList();
  }

  @Test
  void approveThenEditThenStopIsRecordedAndTheBestConfigIsDeployed() throws Exception {
    AgentConfig baseline = AgentConfigLoader.load(Path.of(EvaluateCommandTest.CONFIG));
    GoldenCase taught = GoldenSetLoader.load(Path.of(EvaluateCommandTest.TRAIN)).cases().get(0);
    List<NlExample> edited = new ArrayList<>(baseline.nl2sqlExamples());
    edited.add(new NlExample(taught.question(), taught.expectedSql(), "typed in by the user"));
    String editedText = ConfigField.examplesText(edited);

    CliRun run = optimize("y\na\ny\ne\n" + editedText + "\nEND\nn\n");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("Proposed change to nl2sql_examples").contains("[a]pprove / [e]dit / [s]kip?")
        .contains("Continue with iteration 4? [y/n]").contains("ended: stopped by the user");
    Path dir = OptimizeResumeAfterKillTest.runDir(results);
    Trajectory t = OptimizeResumeAfterKillTest.trajectory(dir);
    assertThat(t.iterations()).extracting(IterationRecord::iteration).containsExactly(1, 2, 3);
    assertThat(decisions(t.iterations().get(0))).containsExactly("approved");
    assertThat(decisions(t.iterations().get(1))).containsExactly("edited");
    assertThat(t.iterations().get(2).proposal()).as("stopped before proposing").isEmpty();
    assertThat(t.iterations().get(0).proposal().map(ProposalRecord::approved).orElse(false)).isTrue();
    // the approved proposal is what iteration 2 evaluated; the user's text is what iteration 3 evaluated
    assertThat(t.iterations().get(1).config().hash())
            .isEqualTo(t.iterations().get(0).suggested().orElseThrow().hash());
    AgentConfig third = AgentConfigLoader.load(dir.resolve("configs/config_iteration_3.json"));
    assertThat(third.nl2sqlExamples()).isEqualTo(edited);
    assertThat(t.iterations().get(2).config().hash()).isEqualTo(ConfigHash.of(third))
            .isEqualTo(t.iterations().get(1).suggested().orElseThrow().hash());
    assertThat(t.endReason()).isEqualTo("stopped by the user");
    assertThat(t.bestDeployed()).isTrue();
    IterationRecord best = t.iterations().get(t.bestIteration() - 1);
    assertThat(ConfigHash.of(AgentConfigLoader.load(dir.resolve("configs/best_config.json"))))
        .isEqualTo(best.config().hash());
    assertThat(t.iterations()).allSatisfy(r -> assertThat(r.trainMetrics().accuracy())
        .isLessThanOrEqualTo(best.trainMetrics().accuracy()));
  }

  @Test
  void skippingTheOnlyChangeEndsTheRunWithTheDecisionRecorded() throws Exception {
    CliRun run = optimize("y\ns\n");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    Path dir = OptimizeResumeAfterKillTest.runDir(results);
    Trajectory t = OptimizeResumeAfterKillTest.trajectory(dir);
    assertThat(t.iterations()).hasSize(1);
    IterationRecord only = t.iterations().get(0);
    assertThat(decisions(only)).containsExactly("skipped");
    assertThat(only.proposal().map(ProposalRecord::approved).orElse(false)).isFalse();
    assertThat(only.suggested()).isEmpty();
    assertThat(Files.exists(dir.resolve("configs/config_iteration_1_suggested.json"))).isFalse();
    assertThat(t.endReason()).isEqualTo("no proposed change was accepted");
    assertThat(t.bestIteration()).isEqualTo(1);
    assertThat(t.bestDeployed()).isTrue();
  }

  @Test
  void anEditThatIsNotAnExampleListIsRefusedAndAskedAgainInsteadOfEndingTheRun() throws Exception {
    CliRun run = optimize("y\ne\nnot json\nEND\ns\n");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("The edited text cannot be used: examples must be a JSON list");
    Trajectory t = OptimizeResumeAfterKillTest.trajectory(OptimizeResumeAfterKillTest.runDir(results));
    assertThat(decisions(t.iterations().get(0))).containsExactly("skipped");
    assertThat(t.bestDeployed()).isTrue();
  }
}
