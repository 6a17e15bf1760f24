package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.core.Json;
import dev.diaharness.run.JournalReader;
import dev.diaharness.run.RunManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --resume RUN_DIR} on its own takes the run's inputs and flags from its run.json; flags beside it may only
 * change how the run is carried out, any other differing flag is exit 2 naming it.
 */
class ResumeAloneTest {
  @TempDir Path work;
  Path run;

  @BeforeEach
  void aFinishedEvaluation() throws Exception {
    Path results = Files.createDirectories(work.resolve("results"));
    List<String> args = EvaluateResumeAfterKillTest.evaluateArgs(results, "4");
    args.set(args.indexOf("--num-repeats") + 1, "1");
    args.addAll(List.of("--embedded", "--emulator-temperature", "0", "--seed", "7"));
    CliRun first = CliTestSupport.runWithEnv(Map.of(), "", args.toArray(String[]::new));
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    run = EvaluateResumeAfterKillTest.journalUnder(results).getParent();
  }

  private RunManifest manifest() throws Exception {
    return Json.MAPPER.readValue(run.resolve("run.json").toFile(), RunManifest.class);
  }

  @Test
  void resumeAloneTakesEveryInputAndFlagFromRunJson() throws Exception {
    RunManifest before = manifest();
    Files.delete(run.resolve("report.html"));

    CliRun resumed = CliTestSupport.runWithEnv(Map.of(), "", "evaluate", "--resume", run.toString(),
        "--max-workers", "2");

    assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
    RunManifest after = manifest();
    assertThat(after.commandLine()).isEqualTo(before.commandLine());
    assertThat(after.args()).isEqualTo(before.args());
    assertThat(after.flags()).containsEntry("seed", "7").containsEntry("num_repeats", "1")
        .containsEntry("max_workers", "2").containsEntry("test_set", before.flags().get("test_set"));
    assertThat(after.embedded()).isTrue();
    assertThat(JournalReader.readAll(run.resolve("journal.jsonl"))).as("nothing asked again").hasSize(OptimizeResumeAfterKillTest.ITEMS_PER_ITERATION);
    assertThat(run.resolve("report.html")).exists();
  }

  @Test
  void aFlagThatChangesWhatIsMeasuredIsRefusedByName() throws Exception {
    String before = Files.readString(run.resolve("journal.jsonl"));

    CliRun repeats = CliTestSupport.runWithEnv(Map.of(), "", "evaluate", "--resume", run.toString(),
        "--num-repeats", "2");
    CliRun seed = CliTestSupport.runWithEnv(Map.of(), "", "evaluate", "--resume", run.toString(), "--seed", "8");
    CliRun sameSeed = CliTestSupport.runWithEnv(Map.of(), "", "evaluate", "--resume", run.toString(), "--seed", "7");

    assertThat(repeats.exitCode()).isEqualTo(2);
    assertThat(repeats.err()).contains("--num-repeats differs from the run being resumed (1 there, 2 here)")
        .contains("--max-workers");
    assertThat(seed.exitCode()).isEqualTo(2);
    assertThat(seed.err()).contains("--seed differs");
    assertThat(sameSeed.exitCode()).as("the run's own value may be repeated").isZero();
    assertThat(Files.readString(run.resolve("journal.jsonl"))).isEqualTo(before);
  }

  @Test
  void theReadmeListsEveryVisibleFlagAResumeMayChange() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("## Stopping and resuming a run");
    String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
    picocli.CommandLine.Model.CommandSpec optimize =
        Main.commandLine().getSubcommands().get("optimize").getCommandSpec();
    List<String> visible = ResumedFlags.CARRY_OUT.stream()
        .filter(flag -> !optimize.findOption(flag).hidden()).toList();
    assertThat(visible).contains("--max-workers", "--rate-limit", "--item-timeout", "--max-usd", "--retry-errors")
        .allSatisfy(flag -> assertThat(section).as(flag).contains("`" + flag + "`"));
  }

  @Test
  void aRunOfAnotherCommandOrNoRunFolderIsBadInput() throws Exception {
    CliRun other = CliTestSupport.runWithEnv(Map.of(), "", "optimize", "--resume", run.toString());
    CliRun none = CliTestSupport.runWithEnv(Map.of(), "", "evaluate", "--resume", work.toString());
    CliRun noSet = CliTestSupport.runWithEnv(Map.of(), "", "evaluate", "--embedded");

    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err()).contains("is a run of 'evaluate'").contains("dia-harness evaluate --resume");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("no run.json");
    assertThat(noSet.exitCode()).isEqualTo(2);
    assertThat(noSet.err()).contains("--golden-set is required");
  }

  @Test
  void aRunJsonOfANewerDiaHarnessIsRefusedInOneLineNamingTheFile() throws Exception {
    Path file = run.resolve("run.json");
    com.fasterxml.jackson.databind.node.ObjectNode newer =
        (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(file.toFile());
    newer.put("version", RunManifest.CURRENT_VERSION + 1);
    Files.writeString(file, Json.MAPPER.writeValueAsString(newer));
    String journal = Files.readString(run.resolve("journal.jsonl"));

    CliRun resumed = CliTestSupport.runWithEnv(Map.of(), "", "evaluate", "--resume", run.toString());

    assertThat(resumed.exitCode()).isEqualTo(2);
    assertThat(resumed.err().strip()).doesNotContain("\n").contains(file.toString())
        .contains("version " + (RunManifest.CURRENT_VERSION + 1)).contains("newer dia-harness");
    assertThat(resumed.err().strip().lines()).hasSize(1);
    assertThat(Files.readString(run.resolve("journal.jsonl"))).as("nothing written").isEqualTo(journal);
    assertThat(Json.MAPPER.readTree(file.toFile())).as("run.json left as it was").isEqualTo(newer);
  }
}
