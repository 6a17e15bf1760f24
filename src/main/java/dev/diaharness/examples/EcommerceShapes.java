package dev.diaharness.examples;

import dev.diaharness.examples.QuestionShape.Complexity;
import dev.diaharness.examples.QuestionShape.Phrasing;
import java.util.List;

/**
 * The question shapes of the shipped example's sets. The first sixteen are taught: 2–4 training questions and 1–2
 * test questions each, worded differently and with other literals. The last six appear only in the test set (two
 * questions each, over a third of the test set), so held-out accuracy also measures new kinds of question, as a real
 * held-out set would. Changing this list changes {@code golden_set.json} and {@code test_set.json}: regenerate them
 * with {@link EcommerceSetGenerator}. Immutable.
 */
final class EcommerceShapes {
  static final List<QuestionShape> ALL = List.of(
    seen("status_by_year", Complexity.SIMPLE,
        "SELECT COUNT(*) AS order_count FROM `ecommerce.orders` WHERE status = '{0}' AND EXTRACT(YEAR "
        + "FROM order_date) = {1}",
        List.of(q("How many orders were cancelled in 2023?", "cancelled", "2023"),
            q("Count the returned orders from 2022.", "returned", "2022"),
            q("What is the number of delivered orders placed in 2021?", "delivered", "2021"),
            q("How many orders placed in 2024 ended up returned?", "returned", "2024")),
        List.of(q("In 2025, how many orders had the status cancelled?", "cancelled", "2025"),
            q("Number of shipped orders in 2025?", "shipped", "2025"))),
    seen("customers_in_region", Complexity.SIMPLE,
        "SELECT COUNT(*) AS customer_count FROM `ecommerce.customers` WHERE region = '{0}'",
        List.of(q("How many customers are in the West region?", "West"),
            q("Count the customers from the Midwest.", "Midwest"),
            q("What is the number of customers located in the Northeast?", "Northeast")),
        List.of(q("How many of our customers live in the Southeast region?", "Southeast"))),
    seen("top_priced_in_category", Complexity.MEDIUM,
        "SELECT name, price FROM `ecommerce.products` WHERE category = '{0}' ORDER BY price DESC, "
        + "product_id LIMIT {1}",
        List.of(q("What are the 3 most expensive products in the Electronics category?", "Electronics", "3"),
            q("List the 5 priciest Sports products.", "Sports", "5"),
            q("Show the top 4 most expensive Home products with their prices.", "Home", "4")),
        List.of(q("Which 2 Clothing products have the highest price?", "Clothing", "2"),
            q("Give me the 6 highest-priced products in Books.", "Books", "6"))),
    seen("monthly_orders_in_year", Complexity.MEDIUM,
        "SELECT EXTRACT(MONTH FROM order_date) AS order_month, COUNT(*) AS order_count FROM "
        + "`ecommerce.orders` WHERE EXTRACT(YEAR FROM order_date) = {0} GROUP BY order_month ORDER BY "
        + "order_month",
        List.of(q("How many orders were placed in each month of 2023?", "2023"),
            q("Show the monthly number of orders for 2021.", "2021"),
            q("Give me the order count per month in 2024.", "2024")),
        List.of(q("Break down the 2022 orders by month.", "2022"))),
    seen("sales_by_category_in_year", Complexity.COMPLEX,
        "SELECT p.category, ROUND(SUM(oi.quantity * oi.unit_price), 2) AS total_sales FROM "
        + "`ecommerce.order_items` oi JOIN `ecommerce.orders` o ON oi.order_id = o.order_id JOIN "
        + "`ecommerce.products` p ON oi.product_id = p.product_id WHERE o.status <> 'cancelled' AND "
        + "EXTRACT(YEAR FROM o.order_date) = {0} GROUP BY p.category ORDER BY total_sales DESC",
        List.of(q("What were total sales per product category in 2023?", "2023"),
            q("Break down 2022 sales by category.", "2022"),
            q("Show the revenue of each product category for 2025.", "2025")),
        List.of(q("Which categories brought in the most revenue in 2024? Give the total for each.", "2024"),
            q("Sales by category for 2021, highest first.", "2021"))),
    seen("top_customers_by_spend", Complexity.COMPLEX,
        "SELECT c.customer_id, c.name, ROUND(SUM(o.total_amount), 2) AS total_spent FROM "
        + "`ecommerce.customers` c JOIN `ecommerce.orders` o ON c.customer_id = o.customer_id WHERE "
        + "o.status <> 'cancelled' GROUP BY c.customer_id, c.name ORDER BY total_spent DESC, c.customer_id "
        + "LIMIT {0}",
        List.of(q("Who are the top 5 customers by total spending?", "5"),
            q("List the 3 customers who spent the most.", "3"),
            q("Show the 10 biggest spenders among our customers.", "10")),
        List.of(q("Which 4 customers have the highest total spend?", "4"),
            q("Name our top 6 customers by money spent.", "6"))),
    seen("avg_order_amount_in_region", Complexity.MEDIUM,
        "SELECT ROUND(AVG(o.total_amount), 2) AS avg_order_amount FROM `ecommerce.orders` o JOIN "
        + "`ecommerce.customers` c ON o.customer_id = c.customer_id WHERE c.region = '{0}'",
        List.of(q("What is the average order amount for customers in the West region?", "West"),
            q("Average order value of customers from the Midwest?", "Midwest"),
            q("What do Southwest customers spend per order on average?", "Southwest")),
        List.of(q("On average, how much is an order from a Northeast customer?", "Northeast"))),
    seen("orders_in_date_range", Complexity.SIMPLE,
        "SELECT COUNT(*) AS order_count FROM `ecommerce.orders` WHERE order_date BETWEEN DATE '{0}' AND "
        + "DATE '{1}'",
        List.of(q("How many orders were placed between 2023-03-01 and 2023-05-31?", "2023-03-01", "2023-05-31"),
            q("Count the orders from 2022-11-01 to 2022-12-31.", "2022-11-01", "2022-12-31"),
            q("Number of orders placed between 2024-06-15 and 2024-07-15?", "2024-06-15", "2024-07-15")),
        List.of(q("How many orders came in from 2025-01-01 through 2025-02-28?", "2025-01-01", "2025-02-28"))),
    seen("status_share_in_year", Complexity.COMPLEX,
        "SELECT ROUND(100.0 * SUM(CASE WHEN status = '{0}' THEN 1 ELSE 0 END) / COUNT(*), 2) AS "
        + "pct_of_orders FROM `ecommerce.orders` WHERE EXTRACT(YEAR FROM order_date) = {1}",
        List.of(q("What percentage of orders in 2024 were cancelled?", "cancelled", "2024"),
            q("What share of 2022 orders were returned, in percent?", "returned", "2022"),
            q("Percentage of 2023 orders that were delivered?", "delivered", "2023")),
        List.of(q("In 2021, what percent of orders got returned?", "returned", "2021"),
            q("What fraction of 2025 orders were cancelled, as a percentage?", "cancelled", "2025"))),
    seen("customers_with_more_than_n_orders", Complexity.COMPLEX,
        "SELECT c.customer_id, c.name, COUNT(*) AS order_count FROM `ecommerce.customers` c JOIN "
        + "`ecommerce.orders` o ON c.customer_id = o.customer_id GROUP BY c.customer_id, c.name HAVING "
        + "COUNT(*) > {0} ORDER BY order_count DESC, c.customer_id",
        List.of(q("Which customers have placed more than 20 orders?", "20"),
            q("List customers with more than 30 orders and their order counts.", "30"),
            q("Show every customer who ordered more than 15 times.", "15")),
        List.of(q("Who has placed more than 25 orders?", "25"))),
    seen("brands_in_category", Complexity.SIMPLE,
        "SELECT DISTINCT brand FROM `ecommerce.products` WHERE category = '{0}' ORDER BY brand",
        List.of(q("Which brands do we carry in Electronics?", "Electronics"),
            q("List the distinct brands of Sports products.", "Sports"),
            q("What brands are there in the Books category?", "Books")),
        List.of(q("Name the brands that make our Beauty products.", "Beauty"))),
    seen("signups_by_channel_in_year", Complexity.MEDIUM,
        "SELECT COUNT(*) AS customer_count FROM `ecommerce.customers` WHERE signup_channel = '{0}' AND "
        + "EXTRACT(YEAR FROM signup_date) = {1}",
        List.of(q("How many customers signed up through the mobile channel in 2024?", "mobile", "2024"),
            q("Count the 2022 signups that came from web.", "web", "2022"),
            q("Number of customers who joined via referral in 2023?", "referral", "2023")),
        List.of(q("How many customers joined through social in 2021?", "social", "2021"))),
    seen("units_sold_in_category_year", Complexity.COMPLEX,
        "SELECT SUM(oi.quantity) AS units_sold FROM `ecommerce.order_items` oi JOIN `ecommerce.orders` o "
        + "ON oi.order_id = o.order_id JOIN `ecommerce.products` p ON oi.product_id = p.product_id WHERE "
        + "o.status <> 'cancelled' AND p.category = '{0}' AND EXTRACT(YEAR FROM o.order_date) = {1}",
        List.of(q("How many units of Sports products were sold in 2023?", "Sports", "2023"),
            q("Total quantity of Books sold in 2022?", "Books", "2022"),
            q("How many Electronics items did we sell in 2025?", "Electronics", "2025")),
        List.of(q("What was the number of Home units sold in 2024?", "Home", "2024"))),
    seen("best_selling_products", Complexity.COMPLEX,
        "SELECT p.product_id, p.name, SUM(oi.quantity) AS units_sold FROM `ecommerce.order_items` oi JOIN "
        + "`ecommerce.orders` o ON oi.order_id = o.order_id JOIN `ecommerce.products` p ON oi.product_id = "
        + "p.product_id WHERE o.status <> 'cancelled' GROUP BY p.product_id, p.name ORDER BY units_sold "
        + "DESC, p.product_id LIMIT {0}",
        List.of(q("What are the 5 best-selling products by units sold?", "5"),
            q("Top 3 products by quantity sold.", "3"),
            q("List the 10 products with the most units sold.", "10")),
        List.of(q("Which 7 products sold the most units?", "7"))),
    seen("premium_customers_in_region", Complexity.SIMPLE,
        "SELECT COUNT(*) AS customer_count FROM `ecommerce.customers` WHERE is_premium = TRUE AND region "
        + "= '{0}'",
        List.of(q("How many premium customers are in the West region?", "West"),
            q("Count the premium members from the Southeast.", "Southeast")),
        List.of(q("How many premium customers live in the Midwest?", "Midwest"))),
    seen("customers_without_orders_in_region", Complexity.MEDIUM,
        "SELECT COUNT(*) AS customer_count FROM `ecommerce.customers` c LEFT JOIN `ecommerce.orders` o ON "
        + "c.customer_id = o.customer_id WHERE c.region = '{0}' AND o.order_id IS NULL",
        List.of(q("How many customers in the Northeast region have never placed an order?", "Northeast"),
            q("Count West customers without any orders.", "West")),
        List.of(q("How many Southwest customers have not ordered anything yet?", "Southwest"))),
    unseen("avg_price_in_category", Complexity.SIMPLE,
        "SELECT ROUND(AVG(price), 2) AS avg_price FROM `ecommerce.products` WHERE category = '{0}'",
        List.of(q("What is the average list price of our Electronics products?", "Electronics"),
            q("On average, how much does a Beauty product cost?", "Beauty"))),
    unseen("orders_by_payment_method_in_year", Complexity.MEDIUM,
        "SELECT payment_method, COUNT(*) AS order_count FROM `ecommerce.orders` WHERE EXTRACT(YEAR FROM "
        + "order_date) = {0} GROUP BY payment_method ORDER BY order_count DESC, payment_method",
        List.of(q("How many orders were paid with each payment method in 2024?", "2024"),
            q("For 2022, count the orders per payment method, most used first.", "2022"))),
    unseen("top_margin_products_in_category", Complexity.MEDIUM,
        "SELECT name, ROUND(price - cost, 2) AS margin FROM `ecommerce.products` WHERE category = '{0}' "
        + "ORDER BY margin DESC, product_id LIMIT {1}",
        List.of(q("Which 3 Home products have the largest margin between price and cost?", "Home", "3"),
            q("List the 5 Electronics products that earn the most per unit over their cost.", "Electronics", "5"))),
    unseen("discounted_lines_in_category", Complexity.MEDIUM,
        "SELECT COUNT(*) AS discounted_lines FROM `ecommerce.order_items` oi JOIN `ecommerce.products` p "
        + "ON oi.product_id = p.product_id WHERE p.category = '{0}' AND oi.unit_price < p.price",
        List.of(q("How many order lines of Clothing products were sold below list price?", "Clothing"),
            q("Count the discounted order lines for Sports products.", "Sports"))),
    unseen("first_time_customers_in_year", Complexity.COMPLEX,
        "SELECT COUNT(*) AS customer_count FROM (SELECT customer_id, MIN(order_date) AS first_order_date "
        + "FROM `ecommerce.orders` GROUP BY customer_id) f WHERE EXTRACT(YEAR FROM f.first_order_date) = "
        + "{0}",
        List.of(q("How many customers placed their first order in 2023?", "2023"),
            q("Number of customers whose first-ever order was in 2025?", "2025"))),
    unseen("avg_units_per_order_in_year", Complexity.COMPLEX,
        "SELECT ROUND(AVG(units), 2) AS avg_units_per_order FROM (SELECT o.order_id, SUM(oi.quantity) AS "
        + "units FROM `ecommerce.orders` o JOIN `ecommerce.order_items` oi ON o.order_id = oi.order_id "
        + "WHERE EXTRACT(YEAR FROM o.order_date) = {0} GROUP BY o.order_id) t",
        List.of(q("On average, how many units did an order placed in 2024 contain?", "2024"),
            q("What was the mean number of units per order in 2021?", "2021"))));

  private EcommerceShapes() {}

  private static QuestionShape seen(String tag, Complexity complexity, String sql, List<Phrasing> train,
      List<Phrasing> test) {
    return new QuestionShape(tag, complexity, sql, train, test);
  }

  private static QuestionShape unseen(String tag, Complexity complexity, String sql, List<Phrasing> test) {
    return new QuestionShape(tag, complexity, sql, List.of(), test);
  }

  private static Phrasing q(String question, String... literals) {
    return new Phrasing(question, List.of(literals));
  }
}
