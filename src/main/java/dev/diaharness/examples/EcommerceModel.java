package dev.diaharness.examples;

import dev.diaharness.examples.EcommerceData.Customer;
import dev.diaharness.examples.EcommerceData.Order;
import dev.diaharness.examples.EcommerceData.OrderItem;
import dev.diaharness.examples.EcommerceData.Product;
import dev.diaharness.examples.ExampleCatalog.CatalogProduct;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Simulates the e-commerce example: customers who sign up over time, a catalog with prices per product, and orders
 * from 2021 to 2025 with growth, a November/December peak, a few heavy buyers, and statuses that depend on how
 * recent an order is (as of {@link #AS_OF}). Deterministic for a seed. Not thread-safe; use one per generation.
 */
final class EcommerceModel {
  static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
  static final int CUSTOMERS = 300;
  static final int ORDERS = 1500;

  private static final LocalDate FIRST_SIGNUP = LocalDate.of(2020, 1, 1);
  private static final LocalDate LAST_SIGNUP = LocalDate.of(2025, 9, 30);
  private static final int FIRST_YEAR = 2021;
  private static final double[] YEAR_WEIGHTS = {0.14, 0.17, 0.20, 0.23, 0.26};
  private static final double[] MONTH_WEIGHTS =
      {0.070, 0.060, 0.070, 0.075, 0.080, 0.075, 0.080, 0.085, 0.080, 0.085, 0.115, 0.125};
  private static final double[] ITEMS_PER_ORDER = {0.35, 0.28, 0.18, 0.12, 0.07};
  private static final double[] QUANTITY = {0.70, 0.20, 0.07, 0.03};
  private static final double[] SHIPPING_LAG_DAYS = {0.20, 0.35, 0.25, 0.10, 0.06, 0.04};

  private final Draws draws;

  EcommerceModel(long seed) {
    this.draws = new Draws(seed);
  }

  EcommerceData generate() {
    List<Customer> customers = customers();
    List<Product> products = products();
    return new OrderBook(customers, products).fill();
  }

  private List<Customer> customers() {
    List<LocalDate> signups = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      signups.add(draws.date(FIRST_SIGNUP, LAST_SIGNUP));
    }
    signups.sort(Comparator.naturalOrder()); // ids grow with signup date, as in a real system
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      int id = i + 1;
      String first = draws.pick(ExampleCatalog.FIRST_NAMES);
      String last = draws.pick(ExampleCatalog.LAST_NAMES);
      String email = (first + "." + last + id).toLowerCase(Locale.ROOT) + "@" + draws.pick(ExampleCatalog.EMAIL_DOMAINS);
      String region = orNull(ExampleCatalog.REGIONS, draws.weighted(ExampleCatalog.REGION_WEIGHTS));
      String channel = orNull(ExampleCatalog.CHANNELS, draws.weighted(ExampleCatalog.CHANNEL_WEIGHTS));
      customers.add(new Customer(id, first + " " + last, email, region, channel, signups.get(i), draws.chance(0.18)));
    }
    return customers;
  }

  private static String orNull(List<String> values, int index) {
    return index < values.size() ? values.get(index) : null;
  }

  private List<Product> products() {
    List<Product> products = new ArrayList<>();
    for (int i = 0; i < ExampleCatalog.PRODUCTS.size(); i++) {
      CatalogProduct entry = ExampleCatalog.PRODUCTS.get(i);
      List<String> brands = ExampleCatalog.BRANDS.get(ExampleCatalog.CATEGORIES.indexOf(entry.category()));
      long dollars = Math.max(4, Math.round(entry.basePrice() * draws.uniform(0.9, 1.1)));
      long price = dollars * 100 - (draws.chance(0.6) ? 1 : 51); // prices end in .99 or .49
      long cost = Math.round(price * draws.uniform(0.42, 0.68));
      products.add(new Product(i + 1, entry.name(), entry.category(), draws.pick(brands), price, cost));
    }
    return products;
  }

  /** Places the orders: dates first, then a customer who had signed up by then, then the lines. */
  private final class OrderBook {
    private final List<Customer> customers;
    private final List<Product> products;
    private final double[] customerCumulative;
    private final double[] productWeights;

    OrderBook(List<Customer> customers, List<Product> products) {
      this.customers = customers;
      this.products = products;
      this.customerCumulative = new double[customers.size()];
      double sum = 0;
      for (int i = 0; i < customers.size(); i++) {
        sum += draws.logNormal(0.75);
        customerCumulative[i] = sum;
      }
      this.productWeights = new double[products.size()];
      for (int i = 0; i < products.size(); i++) {
        Product p = products.get(i);
        double demand = ExampleCatalog.CATEGORY_DEMAND[ExampleCatalog.CATEGORIES.indexOf(p.category())];
        productWeights[i] = demand * draws.logNormal(0.6) / Math.pow(p.priceCents() / 100.0, 0.3);
      }
    }

    EcommerceData fill() {
      List<LocalDate> dates = new ArrayList<>();
      for (int i = 0; i < ORDERS; i++) {
        dates.add(orderDate());
      }
      dates.sort(Comparator.naturalOrder()); // order ids grow with time
      List<Order> orders = new ArrayList<>();
      List<OrderItem> items = new ArrayList<>();
      for (int i = 0; i < ORDERS; i++) {
        orders.add(order(i + 1, dates.get(i), items));
      }
      return new EcommerceData(customers, products, orders, items);
    }

    private LocalDate orderDate() {
      int year = FIRST_YEAR + draws.weighted(YEAR_WEIGHTS);
      int month = 1 + draws.weighted(MONTH_WEIGHTS);
      LocalDate first = LocalDate.of(year, month, 1);
      return first.withDayOfMonth(draws.between(1, first.lengthOfMonth()));
    }

    private Order order(int orderId, LocalDate date, List<OrderItem> items) {
      int customerId = customers.get(draws.cumulative(customerCumulative, signedUpBy(date))).customerId();
      long total = 0;
      List<Integer> chosen = new ArrayList<>();
      int lines = 1 + draws.weighted(ITEMS_PER_ORDER);
      while (chosen.size() < lines) {
        int product = draws.weighted(productWeights);
        if (!chosen.contains(product)) {
          chosen.add(product);
        }
      }
      for (int product : chosen) {
        int quantity = 1 + draws.weighted(QUANTITY);
        long unitPrice = discounted(products.get(product).priceCents());
        items.add(new OrderItem(items.size() + 1, orderId, product + 1, quantity, unitPrice));
        total += quantity * unitPrice;
      }
      String status = status(date);
      LocalDate shipped = null;
      if (!status.equals("processing") && !status.equals("cancelled")) {
        shipped = date.plusDays(1 + draws.weighted(SHIPPING_LAG_DAYS));
        if (shipped.isAfter(AS_OF)) {
          status = "processing";
          shipped = null;
        }
      }
      String payment = ExampleCatalog.PAYMENT_METHODS.get(draws.weighted(ExampleCatalog.PAYMENT_WEIGHTS));
      return new Order(orderId, customerId, date, status, shipped, payment, total);
    }

    /** Number of customers (a prefix: ids follow signup dates) who had signed up on or before the date. */
    private int signedUpBy(LocalDate date) {
      int n = 0;
      while (n < customers.size() && !customers.get(n).signupDate().isAfter(date)) {
        n++;
      }
      return Math.max(n, 1);
    }

    /** Most lines pay the list price; some got 10 % or 20 % off. */
    private long discounted(long priceCents) {
      if (!draws.chance(0.12)) {
        return priceCents;
      }
      int percentOff = draws.chance(0.7) ? 10 : 20;
      return (priceCents * (100 - percentOff) + 50) / 100;
    }

    private String status(LocalDate date) {
      long age = AS_OF.toEpochDay() - date.toEpochDay();
      if (age <= 10) {
        return pickStatus(new String[] {"processing", "shipped", "cancelled"}, new double[] {0.70, 0.24, 0.06});
      }
      if (age <= 25) {
        return pickStatus(new String[] {"shipped", "delivered", "processing", "cancelled"},
            new double[] {0.55, 0.35, 0.04, 0.06});
      }
      return pickStatus(new String[] {"delivered", "cancelled", "returned"}, new double[] {0.84, 0.07, 0.09});
    }

    private String pickStatus(String[] statuses, double[] weights) {
      return statuses[draws.weighted(weights)];
    }
  }
}
