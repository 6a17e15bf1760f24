package dev.diaharness.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.emulator.brain.Brain;
import dev.diaharness.emulator.brain.DataCatalog;
import dev.diaharness.emulator.brain.RetrievalBrain;
import dev.diaharness.sql.EmbeddedDatabase;
import dev.diaharness.sql.SandboxLimits;
import dev.diaharness.sql.SandboxedExecutor;
import dev.diaharness.sql.TableFolderLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local HTTP server that speaks the subset of the Gemini Enterprise v1alpha API dia-harness uses (SPEC §3.1,
 * §3.3): agents list/create/get/patch/deploy with operations, sessions, and {@code streamAssist} with streamed
 * fragments, thoughts and {@code sessionInfo}. It binds to 127.0.0.1 only and starts holding one ENABLED agent
 * built from the given config; answers come from a {@link Brain} (by default the offline {@link RetrievalBrain})
 * and their SQL is run on the embedded database loaded from the data folder. The same port also answers the subset
 * of the BigQuery v2 REST API that {@code data pull} and {@code --execute-on bigquery} use ({@link BigQueryFace}),
 * over the same tables. Build it with {@link #builder}, then
 * {@link #close()} it. Thread-safe; requests run on a pool of {@code threads} threads.
 */
public final class EmulatorServer implements AutoCloseable {
  private final HttpServer http;
  private final ExecutorService executor;
  private final Optional<EmbeddedDatabase> database;
  private final RequestMetrics metrics;
  private final AgentStore store;
  private final String agentId;
  private final String projectId;
  private final String location;
  private final String engineId;

  private EmulatorServer(Builder b) throws IOException {
    this.projectId = b.projectId;
    this.location = b.location;
    this.engineId = b.engineId;
    this.metrics = new RequestMetrics(b.arrivalCapacity);
    Optional<Path> folder = b.dataFolder.or(() -> b.config.localData());
    this.database = folder.map(f -> new TableFolderLoader().load(f));
    try {
      DataCatalog catalog = database.map(DataCatalog::of).orElseGet(DataCatalog::empty);
      Brain brain = b.brainFactory.apply(catalog);
      String engine = "projects/" + projectId + "/locations/" + location + "/collections/default_collection/engines/"
          + engineId;
      this.store = new AgentStore(engine + "/assistants/default_assistant", b.clock, b.deployDelay,
          b.deployFault);
      store.redeployAfterPatch(b.redeployAfterPatch);
      this.agentId = store.create(b.config, orDefault(b.config.bqProjectId(), projectId),
          orDefault(b.config.bqDatasetId(), "local_dataset"), Optional.empty(), AgentStore.ENABLED).id();
      StreamAssistEndpoint conversations = new StreamAssistEndpoint(store, new SessionStore(engine),
          new Conversations(brain, new SqlSummary(database), b.proseAnswers),
          new FaultInjector(b.faults, b.latency, b.seed),
          metrics, "projects/" + projectId + "/locations/" + location + "/authorizations/emulator-auth", b.groundedSql);
      this.executor = pool(b.threads);
      this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 1024);
      http.createContext("/v1alpha/",
          new Router(projectId, location, engineId, new AgentEndpoints(store), conversations, metrics,
              Quota.of(b.quotaRps)));
      http.createContext(BigQueryFace.PREFIX, bigQueryFace(b, folder));
      http.setExecutor(executor);
      http.start();
    } catch (IOException | RuntimeException e) {
      closeDatabase();
      throw e;
    }
  }

  /** The BigQuery v2 REST subset over the same tables, in its own sandbox (no row cap below a million). */
  private BigQueryFace bigQueryFace(Builder b, Optional<Path> folder) {
    BigQueryTables tables = new BigQueryTables(database, folder, b.clock.instant());
    Optional<SandboxedExecutor> sandbox = database.map(db -> new SandboxedExecutor(db,
        SandboxLimits.DEFAULT.withMaxRows(1_000_000).withTimeout(Duration.ofSeconds(60))));
    String dataset = orDefault(b.config.bqDatasetId(), "local_dataset");
    return new BigQueryFace(dataset, tables, new BigQueryJobs(dataset, tables, sandbox, b.clock, metrics), metrics,
        b.bigQueryDenied);
  }

  /** A builder for a server holding one agent built from {@code config}. */
  public static Builder builder(AgentConfig config) {
    return new Builder(config);
  }

  /** {@code http://127.0.0.1:PORT}, the value for {@code DIA_BIGQUERY_ENDPOINT}: the BigQuery v2 REST subset. */
  public String bigQueryUrl() {
    return baseUrl();
  }

  /** {@code http://127.0.0.1:PORT}, the value for {@code DIA_ENDPOINT}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** The numeric id of the agent the server started with. */
  public String agentId() {
    return agentId;
  }

  public String projectId() {
    return projectId;
  }

  public String location() {
    return location;
  }

  public String engineId() {
    return engineId;
  }

  /** The request counters (total, per endpoint, faults, conversation arrival times). */
  public MetricsSnapshot metrics() {
    return metrics.snapshot();
  }

  /** The answered {@code streamAssist} turns, oldest first (as many as the arrival capacity keeps). */
  public java.util.List<AgentTurn> turns() {
    return metrics.turns();
  }

  /**
   * From now on, every deploy of the agents named {@code displayName} fails (DEPLOYMENT_FAILED), even when the
   * agent is already ENABLED: one failing agent among several, for tests.
   */
  public void failDeploysOf(String displayName) {
    store.failDeploysOf(displayName);
  }

  /** Stops serving at once (requests in flight are cut) and frees the embedded database. */
  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
    closeDatabase();
  }

  private void closeDatabase() {
    database.ifPresent(d -> {
      try {
        d.close();
      } catch (SQLException ignored) {
        // closing an in-memory database cannot lose anything
      }
    });
  }

  private static String orDefault(String value, String fallback) {
    return value.isBlank() || value.contains("${") ? fallback : value;
  }

  private static ExecutorService pool(int threads) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "emulator-http-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** Options of an {@link EmulatorServer}; every setter has a default. Not thread-safe. */
  public static final class Builder {
    private final AgentConfig config;
    private Optional<Path> dataFolder = Optional.empty();
    private long seed;
    private double temperature;
    private Function<DataCatalog, Brain> brainFactory;
    private FaultPlan faults = FaultPlan.none();
    private LatencyPlan latency = LatencyPlan.none();
    private Optional<Double> quotaRps = Optional.empty();
    private String projectId = "local-project";
    private String location = "global";
    private String engineId = "local-engine";
    private int port;
    private Duration deployDelay = Duration.ofMillis(200);
    private int threads = 256;
    private int arrivalCapacity = 100_000;
    private Clock clock = Clock.systemUTC();
    private boolean groundedSql;
    private boolean proseAnswers;
    private DeployFault deployFault = DeployFault.NONE;
    private boolean bigQueryDenied;
    private boolean redeployAfterPatch;

    private Builder(AgentConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      this.brainFactory = catalog -> new RetrievalBrain(catalog, seed, temperature);
    }

    /** Folder of tables (default: the config's {@code local_data}; none = SQL is not executed). */
    public Builder dataFolder(Path folder) {
      this.dataFolder = Optional.of(folder);
      return this;
    }

    /** Seed of the retrieval brain's sampling and of fault and latency draws (default 0). */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** Temperature of the default retrieval brain (default 0: always the best match). */
    public Builder temperature(double value) {
      this.temperature = value;
      return this;
    }

    /** Another brain instead of the retrieval brain. */
    public Builder brain(Brain brain) {
      Objects.requireNonNull(brain, "brain");
      this.brainFactory = catalog -> brain;
      return this;
    }

    /** A brain built from the loaded data's catalog. */
    public Builder brain(Function<DataCatalog, Brain> factory) {
      this.brainFactory = Objects.requireNonNull(factory, "factory");
      return this;
    }

    public Builder faults(FaultPlan plan) {
      this.faults = Objects.requireNonNull(plan, "faults");
      return this;
    }

    /** Answer 429 RESOURCE_EXHAUSTED (no Retry-After) above this many conversation requests per second. */
    public Builder quota(Optional<Double> requestsPerSecond) {
      requestsPerSecond.filter(r -> !(r > 0)).ifPresent(r -> {
        throw new IllegalArgumentException("quota must be > 0 requests/s, got " + r);
      });
      this.quotaRps = requestsPerSecond;
      return this;
    }

    public Builder latency(LatencyPlan plan) {
      this.latency = Objects.requireNonNull(plan, "latency");
      return this;
    }

    /** Project, location and engine ids of the paths (defaults local-project, global, local-engine). */
    public Builder ids(String project, String loc, String engine) {
      this.projectId = requireId(project, "project");
      this.location = requireId(loc, "location");
      this.engineId = requireId(engine, "engine");
      return this;
    }

    /** {@code --grounded-sql}: answers also carry their SQL as a grounding {@code codeSnippet} in language SQL. */
    public Builder groundedSql(boolean value) {
      this.groundedSql = value;
      return this;
    }

    /** {@code --prose-answers}: the answer text holds no SQL, as recorded from the real service. */
    public Builder proseAnswers(boolean value) {
      this.proseAnswers = value;
      return this;
    }

    /** {@code --deploy-fault}: every deploy fails this way (default: none). */
    public Builder deployFault(DeployFault value) {
      this.deployFault = Objects.requireNonNull(value, "deployFault");
      return this;
    }

    /**
     * A PATCH that changes an ENABLED agent makes its next deploy take the deploy delay (default off: that deploy is
     * the "already ENABLED" 400 and returns at once), so benchmarks see the cost of redeploying candidates.
     */
    public Builder redeployAfterPatch(boolean value) {
      this.redeployAfterPatch = value;
      return this;
    }

    /** Loopback port; 0 (the default) picks a free one. */
    public Builder port(int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException("port must be in 0..65535, got " + value);
      }
      this.port = value;
      return this;
    }

    /** How long a deploy operation takes to complete (default 200 ms). */
    public Builder deployDelay(Duration value) {
      this.deployDelay = Objects.requireNonNull(value, "deployDelay");
      return this;
    }

    /** Request threads: concurrent conversations served at once (default 256). */
    public Builder threads(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + value);
      }
      this.threads = value;
      return this;
    }

    /** How many recent conversation arrivals the metrics keep (default 100,000). */
    public Builder arrivalCapacity(int value) {
      this.arrivalCapacity = value;
      return this;
    }

    /** Answer every BigQuery call with 403, as for a caller without BigQuery roles (tests). */
    public Builder bigQueryDenied(boolean value) {
      this.bigQueryDenied = value;
      return this;
    }

    /** The clock of deploy operations (tests). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Loads the data, builds the brain and starts serving.
     *
     * @throws dev.diaharness.core.InputException when the data folder cannot be loaded
     * @throws UncheckedIOException when the port cannot be bound
     */
    public EmulatorServer start() {
      try {
        return new EmulatorServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
      }
    }

    private static String requireId(String id, String what) {
      if (id == null || id.isBlank() || id.contains("/")) {
        throw new IllegalArgumentException(what + " id must be a non-empty path segment, got '" + id + "'");
      }
      return id;
    }
  }
}
