package dev.diaharness.examples;

import dev.diaharness.examples.EcommerceData.Customer;
import dev.diaharness.examples.EcommerceData.Order;
import dev.diaharness.examples.EcommerceData.OrderItem;
import dev.diaharness.examples.EcommerceData.Product;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Generates the tables of the shipped e-commerce example ({@code examples/ecommerce/data/}): {@code customers},
 * {@code products}, {@code orders} and {@code order_items} as CSV files. The output depends only on the seed: the
 * same seed gives byte-identical files on every machine (no clock, locale or platform line separator is used).
 *
 * <p>Run it as {@code java -cp target/classes dev.diaharness.examples.EcommerceExampleGenerator
 * examples/ecommerce/data 42}. This class is stateless and thread-safe.
 */
public final class EcommerceExampleGenerator {
  /** The seed of the committed example data. */
  public static final long DEFAULT_SEED = 42;

  private EcommerceExampleGenerator() {}

  /**
   * Writes the four CSV files into the folder (created if missing), replacing files of the same names.
   *
   * @return table name → number of data rows written
   * @throws UncheckedIOException when a file cannot be written
   */
  public static Map<String, Integer> write(Path folder, long seed) {
    EcommerceData data = new EcommerceModel(seed).generate();
    try {
      Files.createDirectories(folder);
      table(folder, "customers", List.of("customer_id", "name", "email", "region", "signup_channel", "signup_date",
          "is_premium"), data.customers(), EcommerceExampleGenerator::customerRow);
      table(folder, "products", List.of("product_id", "name", "category", "brand", "price", "cost"),
          data.products(), EcommerceExampleGenerator::productRow);
      table(folder, "orders", List.of("order_id", "customer_id", "order_date", "status", "shipped_date",
          "payment_method", "total_amount"), data.orders(), EcommerceExampleGenerator::orderRow);
      table(folder, "order_items", List.of("order_item_id", "order_id", "product_id", "quantity", "unit_price"),
          data.items(), EcommerceExampleGenerator::itemRow);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the example data to " + folder, e);
    }
    return Map.of("customers", data.customers().size(), "products", data.products().size(),
        "orders", data.orders().size(), "order_items", data.items().size());
  }

  /** {@code main(folder [seed])}: the seed defaults to {@value #DEFAULT_SEED}. */
  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: EcommerceExampleGenerator OUTPUT_FOLDER [SEED]   (seed default " + DEFAULT_SEED
          + ")");
      System.exit(2);
    }
    long seed = args.length == 2 ? Long.parseLong(args[1]) : DEFAULT_SEED;
    Map<String, Integer> rows = write(Path.of(args[0]), seed);
    // an entry point, like the CLI: the only place in this package that prints
    System.out.println("wrote " + rows.get("customers") + " customers, " + rows.get("products") + " products, "
        + rows.get("orders") + " orders, " + rows.get("order_items") + " order items to " + args[0]
        + " (seed " + seed + ")");
  }

  private static <T> void table(Path folder, String name, List<String> header, List<T> rows,
      Function<T, List<String>> toRow) throws IOException {
    List<List<String>> text = new ArrayList<>(rows.size());
    for (T row : rows) {
      text.add(toRow.apply(row));
    }
    CsvTableWriter.write(folder.resolve(name + ".csv"), header, text);
  }

  private static List<String> customerRow(Customer c) {
    return nullable(String.valueOf(c.customerId()), c.name(), c.email(), c.region(), c.signupChannel(),
        date(c.signupDate()), String.valueOf(c.premium()));
  }

  private static List<String> productRow(Product p) {
    return List.of(String.valueOf(p.productId()), p.name(), p.category(), p.brand(),
        CsvTableWriter.money(p.priceCents()), CsvTableWriter.money(p.costCents()));
  }

  private static List<String> orderRow(Order o) {
    return nullable(String.valueOf(o.orderId()), String.valueOf(o.customerId()), date(o.orderDate()), o.status(),
        date(o.shippedDate()), o.paymentMethod(), CsvTableWriter.money(o.totalCents()));
  }

  private static List<String> itemRow(OrderItem i) {
    return List.of(String.valueOf(i.orderItemId()), String.valueOf(i.orderId()), String.valueOf(i.productId()),
        String.valueOf(i.quantity()), CsvTableWriter.money(i.unitPriceCents()));
  }

  /** ISO date, e.g. 2024-02-29 ({@link LocalDate#toString()} is locale-independent); null stays null. */
  private static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  private static List<String> nullable(String... values) {
    return Arrays.asList(values); // List.of rejects the nulls that stand for SQL NULL
  }
}
