package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.core.Json;
import dev.diaharness.optimize.IterationRecord;
import dev.diaharness.optimize.Trajectory;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.JournalReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C and SIGTERM sent to a real second JVM running {@code optimize} or {@code evaluate} against the embedded
 * emulator: the first signal ends the run cleanly (exit 130, run.json and the trajectory say "interrupted", the
 * reports are written, the resume command is printed, and that command alone finishes the run); a second signal
 * exits at once, before any of that is written.
 */
class InterruptSignalTest {
  @TempDir Path work;

  /**
   * The child's command starts with Perl (Debian's perl-base is essential, so CI has it) to give the child SIGINT's
   * default disposition: an ignored signal stays ignored across exec, and a build started in the background by a
   * non-interactive shell ({@code mvn verify &}) ignores SIGINT; the JVM then rightly leaves it ignored, and the
   * child would never see the test's Ctrl-C. {@code exec} keeps the pid the test signals.
   */
  private static final List<String> DEFAULT_SIGINT = List.of("/usr/bin/perl", "-e",
      "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec $ARGV[0]: $!\\n\";");

  /** A second JVM running dia-harness; its output goes to a file the test reads. */
  private static Process start(Path workDir, List<String> args) throws IOException {
    List<String> command = new ArrayList<>(DEFAULT_SIGINT);
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "dev.diaharness.cli.Main"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(workDir.resolve("child-output.txt").toFile());
    builder.environment().clear();
    return builder.start();
  }

  private static void awaitCondition(Process process, Path workDir, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(process.isAlive()).as("ended before the signal point:\n" + KilledProcess.output(workDir)).isTrue();
      assertThat(System.nanoTime()).as("signal point not reached:\n" + KilledProcess.output(workDir))
          .isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static void signal(Process process, String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
    assertThat(kill.waitFor()).isZero();
  }

  private static int exitOf(Process process) throws Exception {
    assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("the process ended").isTrue();
    return process.exitValue();
  }

  private static JsonNode manifest(Path run) throws IOException {
    return Json.MAPPER.readTree(run.resolve("run.json").toFile());
  }

  @Test
  void ctrlCStopsOptimizeCleanlyAndTheResumeCommandAloneFinishesIt() throws Exception {
    Path results = Files.createDirectories(work.resolve("results"));
    Process child = start(work, OptimizeResumeAfterKillTest.optimizeArgs(results, 3, "--max-workers", "2",
        "--emulator-latency-ms", "40:10"));
    awaitCondition(child, work,
        () -> KilledProcess.lines(OptimizeResumeAfterKillTest.runDir(results).resolve("iterations/2/eval_train.jsonl"))
            >= 5);
    signal(child, "INT");

    assertThat(exitOf(child)).isEqualTo(130);
    Path run = OptimizeResumeAfterKillTest.runDir(results);
    String output = KilledProcess.output(work);
    String resumeCommand = "dia-harness optimize --resume " + run.toAbsolutePath().normalize();
    assertThat(output).contains("interrupted (SIGINT)").contains(resumeCommand);
    assertThat(manifest(run).path("end_reason").asText()).isEqualTo("interrupted");
    assertThat(manifest(run).path("end_time").isNull()).isFalse();
    assertThat(OptimizeResumeAfterKillTest.trajectory(run).endReason()).isEqualTo("interrupted");
    assertThat(Files.readString(run.resolve("report.html"))).contains("interrupted");
    List<ItemResult> before = JournalReader.readAll(run.resolve("journal.jsonl"));
    assertThat(before.stream().filter(r -> r.key().iteration() == 2)).as("iteration 2 was cut short")
        .hasSizeLessThan(OptimizeResumeAfterKillTest.ITEMS_PER_ITERATION);

    // the printed command, word for word, run from another folder
    List<String> words = dev.diaharness.core.ShellWords.split(resumeCommand.substring("dia-harness ".length()));
    CliRun resumed = CliTestSupport.runWithEnv(Map.of(), "", words.toArray(String[]::new));

    assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
    Trajectory after = OptimizeResumeAfterKillTest.trajectory(run);
    assertThat(after.iterations()).extracting(IterationRecord::iteration).containsExactly(1, 2, 3);
    assertThat(after.endReason()).isEqualTo("reached --max-iterations 3");
    OptimizeResumeAfterKillTest.assertEveryKeyOnce(JournalReader.readAll(run.resolve("journal.jsonl")), 3);
    assertThat(manifest(run).path("end_reason").asText()).isEqualTo("reached --max-iterations 3");
  }

  @Test
  void sigtermStopsEvaluateCleanly() throws Exception {
    Path results = Files.createDirectories(work.resolve("results"));
    List<String> args = EvaluateResumeAfterKillTest.evaluateArgs(results, "2");
    args.addAll(List.of("--embedded", "--emulator-latency-ms", "40:10"));
    Process child = start(work, args);
    awaitCondition(child, work, () -> KilledProcess.lines(EvaluateResumeAfterKillTest.journalUnder(results)) >= 10);
    child.destroy(); // SIGTERM

    assertThat(exitOf(child)).isEqualTo(130);
    Path run = EvaluateResumeAfterKillTest.journalUnder(results).getParent();
    assertThat(KilledProcess.output(work)).contains("interrupted (SIGTERM)")
        .contains("dia-harness evaluate --resume " + run.toAbsolutePath().normalize());
    assertThat(manifest(run).path("end_reason").asText()).isEqualTo("interrupted");
    assertThat(Files.list(run).map(p -> p.getFileName().toString()))
        .anyMatch(name -> name.startsWith("EVALUATION_REPORT_")).contains("report.html");
    assertThat(JournalReader.readAll(run.resolve("journal.jsonl")))
        .hasSizeBetween(10, EvaluateResumeAfterKillTest.ITEMS - 1);
  }

  @Test
  void aSecondSignalExitsAtOnceWithoutWaitingForTheConversationsInFlight() throws Exception {
    Path results = Files.createDirectories(work.resolve("results"));
    // conversations of 30 s each: the first signal's grace period cannot end before the second signal
    List<String> args = EvaluateResumeAfterKillTest.evaluateArgs(results, "2");
    args.addAll(List.of("--embedded", "--emulator-latency-ms", "30000"));
    Process child = start(work, args);
    // "… N items" is printed as the evaluation starts its conversations (each takes 30 s)
    awaitCondition(child, work, () -> output(work).contains(" items"));
    signal(child, "INT");
    awaitCondition(child, work, () -> output(work).contains("interrupted (SIGINT)"));
    signal(child, "INT");

    assertThat(exitOf(child)).isEqualTo(130);
    Path run = EvaluateResumeAfterKillTest.journalUnder(results).getParent();
    assertThat(KilledProcess.output(work)).contains("interrupted again");
    assertThat(manifest(run).hasNonNull("end_reason")).as("exited before writing the end").isFalse();
    assertThat(Files.exists(run.resolve("report.html"))).isFalse();
  }

  private static String output(Path workDir) {
    try {
      return KilledProcess.output(workDir);
    } catch (IOException e) {
      return "";
    }
  }
}
