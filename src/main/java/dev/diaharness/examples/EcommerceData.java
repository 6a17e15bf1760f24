package dev.diaharness.examples;

import java.time.LocalDate;
import java.util.List;

/**
 * The four tables of the e-commerce example as rows. Money is held in cents so that totals are exact and the CSV
 * text never depends on floating-point formatting. Immutable.
 */
record EcommerceData(List<Customer> customers, List<Product> products, List<Order> orders, List<OrderItem> items) {
  EcommerceData {
    customers = List.copyOf(customers);
    products = List.copyOf(products);
    orders = List.copyOf(orders);
    items = List.copyOf(items);
  }

  /** A customer; {@code region} and {@code signupChannel} may be null. */
  record Customer(int customerId, String name, String email, String region, String signupChannel,
      LocalDate signupDate, boolean premium) {}

  /** A catalog product with its current list price and unit cost. */
  record Product(int productId, String name, String category, String brand, long priceCents, long costCents) {}

  /** An order; {@code shippedDate} is null for orders not shipped (processing, cancelled). */
  record Order(int orderId, int customerId, LocalDate orderDate, String status, LocalDate shippedDate,
      String paymentMethod, long totalCents) {}

  /** One line of an order: the price actually paid per unit, after any discount. */
  record OrderItem(int orderItemId, int orderId, int productId, int quantity, long unitPriceCents) {}
}
