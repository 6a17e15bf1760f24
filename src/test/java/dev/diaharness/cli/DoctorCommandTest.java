package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.agent.gemini.GeminiEnterpriseClient;
import dev.diaharness.agent.gemini.GeminiHttp;
import dev.diaharness.agent.gemini.GeminiSettings;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.LatencyPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code doctor} against the emulator: every check passes, and each failure names the problem and stops there. */
class DoctorCommandTest {
  static final String CONFIG = EvaluateCommandTest.CONFIG;
  static final String GOLDEN = "examples/ecommerce/golden_set.json";

  LocalEmulator emulator;
  @TempDir Path dir;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  Map<String, String> emulatorEnv(FaultPlan faults) {
    emulator = LocalEmulator.start(faults, LatencyPlan.none(), 7);
    return new HashMap<>(emulator.env());
  }

  static CliTestSupport.CliRun doctor(Map<String, String> env, CredentialProbe probe, String... args) {
    CommandLine cmd = Main.commandLine();
    DoctorCommand doctor = (DoctorCommand) cmd.getSubcommands().get("doctor").getCommand();
    doctor.environment = name -> Optional.ofNullable(env.get(name));
    doctor.credentials = probe;
    String[] all = new String[args.length + 1];
    all[0] = "doctor";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliTestSupport.run(cmd, all);
  }

  static final CredentialProbe NO_CREDENTIALS = () -> new CredentialProbe.Found(Optional.empty(),
      Optional.of("no Application Default Credentials"), Optional.empty());

  static List<String> lines(CliTestSupport.CliRun run) {
    return run.out().lines().toList();
  }

  @Test
  void everyCheckPassesAgainstTheEmulator() {
    CliTestSupport.CliRun run = doctor(emulatorEnv(FaultPlan.none()), NO_CREDENTIALS,
        "--config-file", CONFIG, "--golden-set", GOLDEN);

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(lines(run)).hasSize(10).last().isEqualTo("doctor: all 9 checks passed");
    assertThat(lines(run).subList(0, 9)).allSatisfy(l -> assertThat(l).startsWith("✓ "));
    assertThat(run.out())
        .contains("✓ credentials: none needed for a loopback endpoint")
        .contains("✓ agent: " + emulator.server.agentId() + " (Data Agent - ")
        .contains("ENABLED")
        .containsPattern("✓ smoke question: 'How many orders were cancelled in 2023\\?' answered in [0-9.]+ s, SQL \\(")
        .containsPattern("✓ local tables: .*orders \\(\\d+ rows\\)")
        .containsPattern("✓ golden set SQL: (\\d+) of \\1 expected queries run and return rows");
    assertThat(emulator.server.metrics().count("sessions.delete")).isEqualTo(1); // the smoke session is cleaned up
  }

  @Test
  void aMissingVariableIsNamedAndNothingElseRuns() {
    Map<String, String> env = emulatorEnv(FaultPlan.none());
    env.remove("DIA_ENGINE_ID");

    CliTestSupport.CliRun run = doctor(env, NO_CREDENTIALS);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(lines(run)).hasSize(2);
    assertThat(lines(run).get(0)).startsWith("✗ environment: ").contains("DIA_ENGINE_ID").contains("→ set it");
    assertThat(emulator.server.metrics().count("agents.list")).isZero();
  }

  @Test
  void missingCredentialsStopBeforeAnyCallToGoogle() {
    Map<String, String> env = new HashMap<>(Map.of("GOOGLE_CLOUD_PROJECT", "p", "DIA_ENGINE_ID", "e",
        "DIA_ENDPOINT", "http://127.0.0.2:9"));

    CliTestSupport.CliRun run = doctor(env, NO_CREDENTIALS);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(lines(run).get(1)).startsWith("✗ credentials: no Application Default Credentials found")
        .contains("gcloud auth application-default login");
    assertThat(lines(run).get(2)).startsWith("doctor: stopped at 'credentials'");
  }

  @Test
  void aWrongEngineIsNamed() {
    Map<String, String> env = emulatorEnv(FaultPlan.none());
    env.put("DIA_ENGINE_ID", "no-such-engine");

    CliTestSupport.CliRun run = doctor(env, NO_CREDENTIALS);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(lines(run).get(2)).startsWith("✗ engine reachable: ").contains("no-such-engine")
        .contains("DIA_ENGINE_ID");
  }

  @Test
  void anUnknownAgentIdIsNamedWithTheAgentsThatExist() {
    Map<String, String> env = emulatorEnv(FaultPlan.none());
    env.put("DIA_AGENT_ID", "4242");

    CliTestSupport.CliRun run = doctor(env, NO_CREDENTIALS);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(lines(run).get(3)).startsWith("✗ agent: agent 4242 not found")
        .contains(emulator.server.agentId()).contains("→ set DIA_AGENT_ID");
  }

  @Test
  void anAgentThatIsNotDeployedIsNamedWithItsState() {
    Map<String, String> env = emulatorEnv(FaultPlan.none());
    GeminiEnterpriseClient client = new GeminiEnterpriseClient(
        new GeminiHttp(GeminiSettings.fromEnvironment(env)), name -> Optional.ofNullable(env.get(name)));
    String created = client.create(AgentConfigLoader.load(Path.of(CONFIG)).withNl2sqlPrompt("other"),
        Optional.empty());
    env.put("DIA_AGENT_ID", created);

    CliTestSupport.CliRun run = doctor(env, NO_CREDENTIALS, "--config-file", CONFIG);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(lines(run).get(3)).startsWith("✗ agent: " + created).contains("CONFIGURED, not ENABLED")
        .contains("dia-harness deploy --config-file " + CONFIG);
  }

  @Test
  void missingConsentStopsAtTheSmokeQuestionWithTheSteps() {
    CliTestSupport.CliRun run = doctor(emulatorEnv(FaultPlan.none().withRate(FaultPlan.Kind.CONSENT_REQUIRED, 1)),
        NO_CREDENTIALS);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(lines(run).get(5)).startsWith("✗ smoke question: agent " + emulator.server.agentId()
        + " needs your OAuth consent").contains("https://accounts.google.com/o/oauth2/v2/auth");
    assertThat(lines(run)).hasSize(7);
  }

  @Test
  void aFailingExpectedSqlIsNamedAndTheOtherChecksStillRun() throws Exception {
    Path golden = dir.resolve("golden.json");
    Files.writeString(golden, "[{\"question_id\":\"bad-1\",\"nl_question\":\"How many orders are there?\","
        + "\"expected_sql\":\"SELECT COUNT(*) FROM `ecommerce.no_such_table`\"},"
        + "{\"question_id\":\"ok-1\",\"nl_question\":\"How many customers are there?\","
        + "\"expected_sql\":\"SELECT COUNT(*) FROM `ecommerce.customers`\"}]");

    CliTestSupport.CliRun run = doctor(emulatorEnv(FaultPlan.none()), NO_CREDENTIALS,
        "--config-file", CONFIG, "--golden-set", golden.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains("✗ golden set SQL: 1 of 2 expected queries fail or return no rows, first: bad-1")
        .contains("✓ models: none configured")
        .contains("doctor: 1 check failed: golden set SQL");
  }
}
