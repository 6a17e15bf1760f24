package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.LatencyPlan;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.JournalReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A remote run deletes the sessions it created unless --keep-sessions; --keep-raw saves every stream gzipped. */
class RunSessionsAndRawTest {
  @TempDir Path dir;

  Path golden() throws IOException {
    Path golden = dir.resolve("golden.json");
    Files.writeString(golden, "[{\"question_id\":\"q1\",\"nl_question\":\"How many customers are there?\","
        + "\"expected_sql\":\"SELECT COUNT(*) FROM `ecommerce.customers`\"},"
        + "{\"question_id\":\"q2\",\"nl_question\":\"How many orders are there?\","
        + "\"expected_sql\":\"SELECT COUNT(*) FROM `ecommerce.orders`\"}]");
    return golden;
  }

  @Test
  void theSessionsOfARunAreDeletedAtItsEndAndRawStreamsKept() throws Exception {
    Path results = dir.resolve("results");
    CliRun run;
    long deleted;
    long conversations;
    try (LocalEmulator emulator = LocalEmulator.start(FaultPlan.none(), LatencyPlan.none(), 3)) {
      run = CliTestSupport.runWithEnv(emulator.env(), "", "evaluate", "--config-file", EvaluateCommandTest.CONFIG,
          "--golden-set", golden().toString(), "--num-repeats", "2", "--keep-raw", "--results-dir", results.toString());
      deleted = emulator.server.metrics().count("sessions.delete");
      conversations = emulator.server.metrics().count("streamAssist") / 2; // question + follow-up
    }

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(conversations).isEqualTo(4);
    assertThat(deleted).isEqualTo(conversations);
    Path runDir = EvaluateCommandTest.onlyRun(results);
    List<Path> raw;
    try (Stream<Path> files = Files.list(runDir.resolve("raw"))) {
      raw = files.sorted().toList();
    }
    assertThat(raw).extracting(p -> p.getFileName().toString())
        .contains("i1_train_q1_r1_t1.json.gz", "i1_train_q1_r1_t2.json.gz", "i1_train_q2_r2_t2.json.gz").hasSize(8);
    try (InputStream in = new GZIPInputStream(Files.newInputStream(raw.get(0)))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("[")
          .contains("\"statusUpdates\"").endsWith("]");
    }
    List<ItemResult> rows = JournalReader.readAll(runDir.resolve("journal.jsonl"));
    assertThat(rows).hasSize(4).allSatisfy(r -> {
      assertThat(r.answer().toolEvents()).contains("STATUS FunctionCallId_0: Generating BigQuery SQL queries starts");
      assertThat(r.error()).isEmpty(); // no error rows: the journal holds no raw stream
    });
  }

  @Test
  void keepSessionsKeepsThem() throws Exception {
    try (LocalEmulator emulator = LocalEmulator.start(FaultPlan.none(), LatencyPlan.none(), 3)) {
      CliRun run = CliTestSupport.runWithEnv(emulator.env(), "", "evaluate", "--config-file",
          EvaluateCommandTest.CONFIG, "--golden-set", golden().toString(), "--num-repeats", "1", "--keep-sessions",
          "--results-dir", dir.resolve("results").toString());

      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      assertThat(emulator.server.metrics().count("streamAssist")).isEqualTo(4);
      assertThat(emulator.server.metrics().count("sessions.delete")).isZero();
    }
  }
}
