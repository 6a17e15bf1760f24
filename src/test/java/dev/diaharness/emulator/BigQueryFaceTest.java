package dev.diaharness.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.Dataset;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics.QueryStatistics;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableResult;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.AgentConfigLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The emulator's BigQuery face, driven by the official client library over loopback, on the shipped example. */
class BigQueryFaceTest {
  static final Path CONFIG = Path.of("examples/ecommerce/baseline_config.json");
  static EmulatorServer server;
  static BigQuery bigQuery;

  @BeforeAll
  static void start() {
    AgentConfig config = AgentConfigLoader.load(CONFIG);
    server = EmulatorServer.builder(config).start();
    bigQuery = client(server.bigQueryUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static BigQuery client(String url) {
    return BigQueryOptions.newBuilder().setHost(url).setProjectId("your-gcp-project")
        .setCredentials(NoCredentials.getInstance()).build().getService();
  }

  @Test
  void datasetAndTablesDescribeTheLocalData() {
    Dataset dataset = bigQuery.getDataset("ecommerce");
    assertThat(dataset.getDatasetId().getDataset()).isEqualTo("ecommerce");
    List<String> names = new ArrayList<>();
    bigQuery.listTables("ecommerce").iterateAll().forEach(t -> names.add(t.getTableId().getTable()));
    assertThat(names).containsExactly("customers", "order_items", "orders", "products");

    Table orders = bigQuery.getTable(TableId.of("ecommerce", "orders"));
    assertThat(orders.getNumRows().longValue()).isEqualTo(1500);
    assertThat(orders.getNumBytes()).isGreaterThan(1500L * 8 * 4);
    assertThat(orders.getLastModifiedTime()).isPositive();
    var fields = orders.getDefinition().getSchema().getFields();
    assertThat(fields.get("order_id").getType()).isEqualTo(LegacySQLTypeName.INTEGER);
    assertThat(fields.get("order_date").getType()).isEqualTo(LegacySQLTypeName.DATE);
    assertThat(fields.get("total_amount").getType()).isEqualTo(LegacySQLTypeName.FLOAT);
    assertThat(fields.get("status").getType()).isEqualTo(LegacySQLTypeName.STRING);
  }

  @Test
  void unknownDatasetAndTableAre404() {
    assertThatThrownBy(() -> bigQuery.getTable(TableId.of("other", "orders")).getNumRows())
        .satisfiesAnyOf(e -> assertThat(e).isInstanceOf(NullPointerException.class),
            e -> assertThat(((BigQueryException) e).getCode()).isEqualTo(404));
    assertThat(bigQuery.getTable(TableId.of("ecommerce", "missing"))).isNull();
  }

  @Test
  void tableDataPagesReproduceTheCsvRowForRow() throws Exception {
    List<String> viaBigQuery = new ArrayList<>();
    TableResult pages = bigQuery.listTableData(TableId.of("ecommerce", "order_items"),
        BigQuery.TableDataListOption.pageSize(500));
    for (FieldValueList row : pages.iterateAll()) {
      viaBigQuery.add(row.get(0).getLongValue() + "|" + row.get(1).getLongValue() + "|" + row.get(2).getLongValue()
          + "|" + row.get(3).getLongValue() + "|" + row.get(4).getDoubleValue());
    }
    List<String> fromCsv = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM read_csv('examples/ecommerce/data/order_items.csv')")) {
      while (rs.next()) {
        fromCsv.add(rs.getLong(1) + "|" + rs.getLong(2) + "|" + rs.getLong(3) + "|" + rs.getLong(4) + "|"
            + rs.getDouble(5));
      }
    }
    assertThat(viaBigQuery).hasSize(3463).containsExactlyElementsOf(fromCsv);
  }

  @Test
  void aQueryRunsOnTheTranslatedTablesAndPagesThroughItsResult() throws Exception {
    QueryJobConfiguration query = QueryJobConfiguration.newBuilder(
        "SELECT order_id, order_date FROM `ecommerce.orders` WHERE EXTRACT(YEAR FROM order_date) = 2023"
            + " ORDER BY order_id").setMaxResults(100L).setLabels(Map.of("dia-harness-run", "run_1")).build();
    TableResult result = bigQuery.query(query);
    List<FieldValueList> rows = StreamSupport.stream(result.iterateAll().spliterator(), false).toList();
    assertThat(rows).hasSizeGreaterThan(100);
    assertThat(rows).allSatisfy(r -> assertThat(r.get("order_date").getStringValue()).startsWith("2023-"));
    assertThat(result.getJobId()).isNotNull();

    Job job = bigQuery.getJob(result.getJobId());
    QueryStatistics stats = job.getStatistics();
    assertThat(stats.getStatementType()).isEqualTo(QueryStatistics.StatementType.SELECT);
    assertThat(stats.getTotalBytesBilled()).isGreaterThanOrEqualTo(10L * 1024 * 1024);
    assertThat(((QueryJobConfiguration) job.getConfiguration()).getLabels()).containsEntry("dia-harness-run", "run_1");

    TableResult again = job.getQueryResults(BigQuery.QueryResultsOption.pageSize(7));
    assertThat(again.getValues()).hasSize(7);
    assertThat(StreamSupport.stream(again.iterateAll().spliterator(), false).map(r -> r.get(0).getLongValue()))
        .containsExactlyElementsOf(rows.stream().map(r -> r.get(0).getLongValue()).toList());
  }

  @Test
  void aJobInsertedWithAnIdRunsAndReadsItsResultFromTheDestinationTable() throws Exception {
    Job job = bigQuery.create(JobInfo.of(JobId.of("fixed-job-1"), QueryJobConfiguration.of(
        "SELECT COUNT(*) AS n FROM `your-gcp-project.ecommerce.customers`")));
    TableResult result = job.getQueryResults();
    assertThat(result.iterateAll().iterator().next().get("n").getLongValue()).isEqualTo(300);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT * FROM `ecommerce.orders`|SELECT",
      "INSERT INTO `ecommerce.orders` (order_id) VALUES (1)|INSERT",
      "DELETE FROM `ecommerce.orders` WHERE TRUE|DELETE",
      "UPDATE `ecommerce.orders` SET status = 'x' WHERE TRUE|UPDATE",
      "CREATE TABLE `ecommerce.copy` AS SELECT * FROM `ecommerce.orders`|CREATE_TABLE_AS_SELECT",
      "DROP TABLE `ecommerce.orders`|DROP_TABLE",
      "SELECT 1; SELECT 2|SCRIPT",
      "DECLARE x INT64 DEFAULT 1|SCRIPT",
      "BEGIN SELECT 1; END|SCRIPT"})
  void aDryRunNamesTheStatementTypeWithoutRunningAnything(String sql, String type) {
    long before = server.metrics().count("bigquery.statementsRun");
    Job job = bigQuery.create(JobInfo.of(QueryJobConfiguration.newBuilder(sql).setDryRun(true).build()));
    QueryStatistics stats = job.getStatistics();
    assertThat(stats.getStatementType().name()).isEqualTo(type);
    assertThat(bigQuery.getTable(TableId.of("ecommerce", "orders")).getNumRows().longValue()).isEqualTo(1500);
    if (type.equals("SELECT")) {
      assertThat(stats.getTotalBytesProcessed())
          .isEqualTo(bigQuery.getTable(TableId.of("ecommerce", "orders")).getNumBytes());
    }
    assertThat(server.metrics().count("bigquery.statementsRun")).isEqualTo(before);
  }

  @Test
  void aQueryOverMaximumBytesBilledIsRefused() {
    QueryJobConfiguration query = QueryJobConfiguration.newBuilder("SELECT COUNT(*) FROM `ecommerce.orders`")
        .setMaximumBytesBilled(1L).build();
    assertThatThrownBy(() -> bigQuery.query(query)).isInstanceOfSatisfying(BigQueryException.class, e -> {
      assertThat(e.getReason()).isEqualTo("bytesBilledLimitExceeded");
      assertThat(e.getMessage()).contains("10485760 or higher required");
    });
  }

  @Test
  void aFailingQueryIsABigQueryErrorNamingTheProblem() {
    assertThatThrownBy(() -> bigQuery.query(QueryJobConfiguration.of("SELECT nope FROM `ecommerce.orders`")))
        .isInstanceOfSatisfying(BigQueryException.class, e -> {
          assertThat(e.getCode()).isEqualTo(400);
          assertThat(e.getMessage()).containsIgnoringCase("nope");
        });
  }

  @Test
  void aCallerWithoutRolesGets403() {
    try (EmulatorServer denied = EmulatorServer.builder(AgentConfigLoader.load(CONFIG)).bigQueryDenied(true)
        .start()) {
      assertThatThrownBy(() -> client(denied.bigQueryUrl()).query(QueryJobConfiguration.of("SELECT 1")))
          .isInstanceOfSatisfying(BigQueryException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }
  }
}
