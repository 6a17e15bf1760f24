package dev.diaharness.emulator;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.NlExample;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The Python tool's fixture tables and a config like its baseline_config.json, for emulator tests. */
public final class TestData {
  /** customers, products, orders, order_items (JSON lines) copied from fixtures/dia-original. */
  public static final Path FIXTURE_TABLES = Path.of("src/test/resources/fixtures/dia-original").toAbsolutePath();

  public static final String SCHEMA = """
      The dataset contains e-commerce data with the following tables:

      1. customers table: Contains customer information
         - id (STRING): Unique customer identifier
         - name (STRING): Customer full name
         - email (STRING): Customer email address
         - region (STRING): Customer geographic region

      2. products table: Contains product catalog
         - id (STRING): Unique product identifier
         - name (STRING): Product name
         - category (STRING): Product category
         - price (FLOAT): Product price in USD

      3. orders table: Contains order transactions
         - id (STRING): Unique order identifier
         - customer_id (STRING): Foreign key to customers.id
         - amount (FLOAT): Total order amount in USD
         - status (STRING): Order status (pending, completed, cancelled)
         - order_date (DATE): Date when order was placed
      """;

  public static final List<NlExample> BASELINE_EXAMPLES = List.of(
      new NlExample("How many customers are there?", "SELECT COUNT(*) FROM `dataset.customers`", ""),
      new NlExample("List all product categories", "SELECT DISTINCT category FROM `dataset.products`", ""),
      new NlExample("What are the top 5 most expensive products?",
          "SELECT name, price FROM `dataset.products` ORDER BY price DESC LIMIT 5", ""));

  private TestData() {}

  /** The baseline config with its three examples and the fixture tables as local_data. */
  public static AgentConfig baseline() {
    return new AgentConfig("baseline", "Data Agent - Baseline", "test agent", "", "Query the shop data.",
        "You are a data scientist. Write BigQuery SQL.", SCHEMA, BASELINE_EXAMPLES, "", List.of(), List.of(),
        "${GOOGLE_CLOUD_PROJECT}", "${BQ_DATASET_ID}", Optional.of(FIXTURE_TABLES));
  }
}
