package dev.diaharness.cli;

import dev.diaharness.agent.AgentAccessDeniedException;
import dev.diaharness.agent.AgentSummary;
import dev.diaharness.agent.Answer;
import dev.diaharness.agent.gemini.Authorizations;
import dev.diaharness.agent.gemini.GeminiAgent;
import dev.diaharness.agent.gemini.GeminiEnterpriseClient;
import dev.diaharness.agent.gemini.GeminiHttp;
import dev.diaharness.agent.gemini.GeminiSettings;
import dev.diaharness.agent.gemini.SessionLedger;
import dev.diaharness.agent.gemini.SqlFollowup;
import dev.diaharness.agent.gemini.StreamAssistParser;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.dataset.GoldenSet;
import dev.diaharness.sql.EmbeddedDatabase;
import dev.diaharness.sql.SandboxedExecutor;
import dev.diaharness.sql.TableFolderLoader;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The pre-flight checks of {@code doctor}, in the order a new user meets the problems: environment, credentials,
 * engine, agent, authorization, one question end to end, local tables, the golden set's SQL on them, models. Each
 * check reports one {@link CheckResult}; a blocking failure ends the run. Never prints a token or a secret.
 */
final class Doctor {
  /** What doctor was given. */
  record Inputs(Function<String, Optional<String>> env, Optional<AgentConfig> config, Optional<GoldenSet> golden,
      Optional<String> agentIdFlag, Optional<Path> data, Optional<Path> configFile) {}

  private final Inputs in;
  private final CredentialProbe credentials;
  private final ModelCheck models;
  private final Consumer<CheckResult> report;
  private GeminiSettings settings;
  private GeminiEnterpriseClient client;
  private AgentSummary agent;

  Doctor(Inputs in, CredentialProbe credentials, ModelCheck models, Consumer<CheckResult> report) {
    this.in = in;
    this.credentials = credentials;
    this.models = models;
    this.report = report;
  }

  /** Runs the checks; returns every result, ending at the first blocking failure. */
  List<CheckResult> run() {
    List<CheckResult> results = new java.util.ArrayList<>();
    List<java.util.function.Supplier<List<CheckResult>>> checks = List.of(
        () -> List.of(environment()), () -> List.of(credentials()), () -> List.of(engine()), () -> List.of(agent()),
        () -> List.of(authorization()), () -> List.of(smokeQuestion()), this::localData, models::check);
    for (var check : checks) {
      for (CheckResult r : check.get()) {
        results.add(r);
        report.accept(r);
        if (!r.passed() && r.blocking()) {
          return results;
        }
      }
    }
    return results;
  }

  private CheckResult environment() {
    try {
      settings = GeminiSettings.fromEnvironment(in.env());
    } catch (RuntimeException e) {
      return CheckResult.stop("environment", e.getMessage(), "set it in .env or export it (docs/gemini.md)");
    }
    client = new GeminiEnterpriseClient(new GeminiHttp(settings), in.env());
    return CheckResult.pass("environment", "project " + settings.project() + ", location " + settings.location()
        + ", engine " + settings.engineId() + ", endpoint " + settings.baseUri()
        + (settings.isLoopback() ? " (loopback: the emulator)" : ""));
  }

  private CheckResult credentials() {
    if (settings.isLoopback()) {
      return CheckResult.pass("credentials", "none needed for a loopback endpoint");
    }
    CredentialProbe.Found found = credentials.probe();
    String fix = "run 'gcloud auth application-default login', or set GOOGLE_APPLICATION_CREDENTIALS to a "
        + "service-account key or workload identity federation file";
    if (found.kind().isEmpty()) {
      return CheckResult.stop("credentials", "no Application Default Credentials found", fix);
    }
    if (found.tokenError().isPresent()) {
      return CheckResult.stop("credentials", found.kind().get() + " found, but no access token could be obtained ("
          + found.tokenError().get() + ")", fix);
    }
    String quota = found.quotaProject().map(q -> "quota project " + q).orElse("no quota project in the credentials");
    return CheckResult.pass("credentials", found.kind().get() + " found, access token obtained, " + quota
        + "; calls bill project " + settings.project() + " (X-Goog-User-Project)");
  }

  private CheckResult engine() {
    try {
      client.ping();
      return CheckResult.pass("engine reachable", settings.enginePath());
    } catch (AgentAccessDeniedException e) {
      return CheckResult.stop("engine reachable", e.getMessage(), String.join("; ", e.steps()));
    } catch (RuntimeException e) {
      return CheckResult.stop("engine reachable", e.getMessage(),
          "check GOOGLE_CLOUD_PROJECT, DIA_LOCATION, DIA_ENGINE_ID and DIA_ENDPOINT");
    }
  }

  private CheckResult agent() {
    String deploy = "run 'dia-harness deploy --config-file " + in.configFile().map(Path::toString).orElse("F") + "'";
    Optional<String> id = in.agentIdFlag().or(() -> in.env().apply("DIA_AGENT_ID").filter(v -> !v.isBlank()));
    try {
      if (id.isPresent()) {
        agent = client.summary(id.get());
      } else if (in.config().isPresent()) {
        String name = in.config().get().displayName();
        Optional<AgentSummary> found = client.findByDisplayName(name).stream().findFirst();
        if (found.isEmpty()) {
          return CheckResult.stop("agent", "no agent named '" + name + "' in engine " + settings.engineId(), deploy);
        }
        agent = found.get();
      } else {
        return CheckResult.stop("agent", "DIA_AGENT_ID is not set and no --config-file names the agent",
            "set DIA_AGENT_ID (see 'dia-harness agents list') or pass --config-file");
      }
    } catch (RuntimeException e) {
      return CheckResult.stop("agent", e.getMessage(), "set DIA_AGENT_ID to an agent that exists, or " + deploy);
    }
    String what = agent.id() + " (" + agent.displayName() + ") " + agent.describeState();
    if (agent.isDeployed()) {
      return CheckResult.pass("agent", what);
    }
    return CheckResult.stop("agent", what + ", not ENABLED", agent.isFailed()
        ? "fix what the reason says, then " + deploy : deploy + " and wait until it is ENABLED");
  }

  private CheckResult authorization() {
    Authorizations authorizations = client.authorizations();
    try {
      List<String> attached = client.attachedAuthorizations(agent.id());
      for (String name : attached) {
        if (authorizations.get(name).isEmpty()) {
          return CheckResult.fail("authorization", name + " is attached to the agent but does not exist",
              "set OAUTH_CLIENT_ID/OAUTH_SECRET and deploy again, or authorize the agent in the console");
        }
      }
      if (!attached.isEmpty()) {
        return CheckResult.pass("authorization", String.join(", ", attached));
      }
      if (settings.oauthClient().isPresent()) {
        return authorizations.find(agent.displayName())
            .map(a -> CheckResult.pass("authorization", a.path("name").asText() + " exists but is not attached to "
                + "the agent (it was created before the agent, or by hand)"))
            .orElse(CheckResult.fail("authorization", "none for agent '" + agent.displayName() + "' although "
                + "OAUTH_CLIENT_ID is set", "run 'dia-harness deploy' to create it, or authorize in the console"));
      }
      return CheckResult.pass("authorization", "none attached: consent comes from the console's authorization link "
          + "(the question below proves it)");
    } catch (RuntimeException e) {
      return CheckResult.fail("authorization", e.getMessage(), "check the caller's Discovery Engine role");
    }
  }

  private CheckResult smokeQuestion() {
    String question = in.golden().flatMap(g -> g.cases().stream().findFirst()).map(GoldenCase::question)
        .or(() -> in.config().flatMap(c -> c.nl2sqlExamples().stream().findFirst()).map(e -> e.query()))
        .orElse("How many rows does each table have?");
    SessionLedger sessions = new SessionLedger();
    GeminiHttp http = new GeminiHttp(settings.withAgentId(agent.id()));
    try {
      Answer answer = new GeminiAgent(http, SqlFollowup.IF_MISSING, StreamAssistParser.DEFAULT_RAW_CAP, sessions)
          .ask(question);
      String took = String.format("%.1f s", answer.totalLatency().toMillis() / 1000.0);
      if (answer.error().isPresent()) {
        return CheckResult.fail("smoke question", "'" + shorten(question, 60) + "' failed after " + took + ": "
            + answer.error().get().kind() + " " + answer.error().get().reason(),
            "see the error table of docs/gemini.md");
      }
      if (answer.sql().isEmpty()) {
        return CheckResult.fail("smoke question", "'" + shorten(question, 60) + "' answered in " + took
            + " without SQL: " + shorten(answer.responseText(), 80),
            "check the agent's BigQuery dataset and tool description");
      }
      return CheckResult.pass("smoke question", "'" + shorten(question, 60) + "' answered in " + took + ", SQL ("
          + answer.sqlSource() + "): " + shorten(answer.sql().get(), 100) + "; answer: "
          + shorten(answer.responseText(), 80));
    } catch (AgentAccessDeniedException e) {
      return CheckResult.stop("smoke question", e.getMessage(), String.join("; ", e.steps()));
    } catch (RuntimeException e) {
      return CheckResult.fail("smoke question", e.getMessage(), "see the error table of docs/gemini.md");
    } finally {
      sessions.deleteAll(http);
    }
  }

  /** The local tables and, with a golden set, its expected SQL run on them. */
  private List<CheckResult> localData() {
    Optional<Path> folder = in.data().or(() -> in.config().flatMap(AgentConfig::localData));
    if (folder.isEmpty()) {
      return List.of(CheckResult.pass("local tables", "none (no --data, no local_data): answers are scored by the "
          + "judge, set JUDGEMENT_MODEL"));
    }
    EmbeddedDatabase database;
    try {
      database = new TableFolderLoader().load(folder.get());
    } catch (RuntimeException e) {
      return List.of(CheckResult.fail("local tables", e.getMessage(), "fix the folder " + folder.get()));
    }
    try (database) {
      String tables = new TreeMap<>(database.tables()).entrySet().stream()
          .map(t -> t.getKey() + " (" + t.getValue() + " rows)").collect(Collectors.joining(", "));
      CheckResult loaded = CheckResult.pass("local tables", folder.get() + ": " + tables);
      return in.golden().map(g -> List.of(loaded, expectedSql(database, g))).orElse(List.of(loaded));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close the embedded database", e);
    }
  }

  private CheckResult expectedSql(EmbeddedDatabase database, GoldenSet golden) {
    int failing = 0;
    String first = "";
    try (SandboxedExecutor sandbox = new SandboxedExecutor(database)) {
      for (GoldenCase c : golden.cases()) {
        Optional<ExpectedSqlCheck.Problem> problem = ExpectedSqlCheck.problem(sandbox.executeBigQuery(c.expectedSql()))
            .filter(p -> !p.unsupported());
        if (problem.isPresent()) {
          failing++;
          first = first.isEmpty() ? c.id() + " " + problem.get().reason() : first;
        }
      }
    }
    int total = golden.cases().size();
    if (failing == 0) {
      return CheckResult.pass("golden set SQL", total + " of " + total + " expected queries run and return rows");
    }
    return CheckResult.fail("golden set SQL", failing + " of " + total + " expected queries fail or return no rows, "
        + "first: " + shorten(first, 120), "run 'dia-harness validate' for the list, then fix them");
  }

  static String shorten(String s, int max) {
    String line = s.replaceAll("\\s+", " ").strip();
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }
}
