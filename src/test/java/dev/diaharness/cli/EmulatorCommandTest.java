package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorCommandTest {
  @TempDir Path dir;

  private Path config() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("orders.csv"), "id,status,amount\n1,SHIPPED,10.5\n2,PENDING,3\n");
    Path file = dir.resolve("config.json");
    Files.writeString(file, """
        {"name": "shop", "nl2sql_prompt": "Write SQL.", "schema_description": "orders table",
         "nl2sql_examples": [{"query": "How many orders?", "expected_sql": "SELECT COUNT(*) FROM orders"}],
         "local_data": "data"}
        """);
    return file;
  }

  @Test
  void printsTheBaseUrlAgentIdAndEnvLines() throws IOException {
    CliTestSupport.CliRun run = CliTestSupport.run("emulator", "--config-file", config().toString(), "--port", "0",
        "--seed", "3", "--latency-ms", "1:1", "--fault-rate", "429=0.1", "--exit-after-start");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("Emulator listening on http://127\\.0\\.0\\.1:\\d+")
        .containsPattern("DIA_ENDPOINT=http://127\\.0\\.0\\.1:\\d+")
        .containsPattern("DIA_BIGQUERY_ENDPOINT=http://127\\.0\\.0\\.1:\\d+")
        .contains("GOOGLE_CLOUD_PROJECT=local-project", "DIA_ENGINE_ID=local-engine", "DIA_LOCATION=global")
        .containsPattern("DIA_AGENT_ID=\\d+")
        .contains("Data Agent - shop");
  }

  @Test
  void aBadFaultRateIsExit2NamingTheFlag() throws IOException {
    CliTestSupport.CliRun run = CliTestSupport.run("emulator", "--config-file", config().toString(), "--port", "0",
        "--fault-rate", "429=2", "--exit-after-start");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--fault-rate").doesNotContain("Exception");
  }

  @Test
  void anUnknownBrainIsExit2() throws IOException {
    CliTestSupport.CliRun run = CliTestSupport.run("emulator", "--config-file", config().toString(), "--port", "0",
        "--brain", "oracle", "--exit-after-start");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--brain");
  }

  @Test
  void theOpenAiBrainNeedsAModel() throws IOException {
    CliTestSupport.CliRun run = CliTestSupport.run("emulator", "--config-file", config().toString(), "--port", "0",
        "--brain", "openai", "--exit-after-start");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--model");
  }
}
