package dev.diaharness.examples;

import java.util.List;

/**
 * The fixed vocabulary of the e-commerce example: product catalog, brands, names, regions, channels. Changing any
 * list changes the generated data, so the committed CSV files must be regenerated with it. Immutable.
 */
final class ExampleCatalog {
  /** One catalog entry; the generated list price varies around {@code basePrice}. */
  record CatalogProduct(String name, String category, int basePrice) {}

  static final List<String> CATEGORIES = List.of("Electronics", "Home", "Clothing", "Sports", "Books", "Beauty");

  static final List<List<String>> BRANDS = List.of(
      List.of("Voltix", "Nimbus", "Auralis"),
      List.of("HearthCo", "Casa Verde", "Nordhaus"),
      List.of("Northline", "Urban Thread", "Kestrel"),
      List.of("Summit Gear", "Pacer", "IronPeak"),
      List.of("Lantern Press", "Quill House"),
      List.of("Lumina", "Verdant Skin"));

  static final List<CatalogProduct> PRODUCTS = List.of(
      p("Wireless Earbuds", 0, 79), p("Noise-Cancelling Headphones", 0, 249), p("Bluetooth Speaker", 0, 59),
      p("27-inch 4K Monitor", 0, 379), p("Mechanical Keyboard", 0, 109), p("Wireless Mouse", 0, 29),
      p("USB-C Hub", 0, 39), p("Portable Charger", 0, 45), p("Smartwatch", 0, 279), p("Action Camera", 0, 329),
      p("Streaming Stick", 0, 49), p("Laptop Stand", 0, 35),
      p("Cast Iron Skillet", 1, 45), p("Ceramic Dinner Set", 1, 89), p("French Press", 1, 32),
      p("Electric Kettle", 1, 49), p("Linen Duvet Cover", 1, 120), p("Memory Foam Pillow", 1, 55),
      p("Robot Vacuum", 1, 299), p("Air Purifier", 1, 189), p("Bamboo Cutting Board", 1, 25),
      p("Stand Mixer", 1, 349), p("Scented Candle Set", 1, 28),
      p("Merino Wool Sweater", 2, 95), p("Slim Fit Jeans", 2, 69), p("Rain Jacket", 2, 129),
      p("Cotton T-Shirt", 2, 19), p("Hooded Sweatshirt", 2, 49), p("Leather Belt", 2, 35), p("Wool Scarf", 2, 39),
      p("Running Shorts", 2, 29), p("Down Parka", 2, 249), p("Chino Pants", 2, 59), p("Canvas Sneakers", 2, 65),
      p("Yoga Mat", 3, 35), p("Adjustable Dumbbells", 3, 299), p("Trail Running Shoes", 3, 139),
      p("Camping Tent", 3, 219), p("Insulated Water Bottle", 3, 29), p("Resistance Bands", 3, 22),
      p("Road Bike Helmet", 3, 89), p("Hiking Backpack", 3, 149), p("Tennis Racket", 3, 119),
      p("Foam Roller", 3, 27),
      p("The Data Detective", 4, 18), p("SQL for Analysts", 4, 42), p("Mountain Trails Guide", 4, 24),
      p("Modern Home Cooking", 4, 35), p("The Quiet Orbit", 4, 16), p("History of Maps", 4, 29),
      p("Startup Playbook", 4, 27), p("Kids Science Atlas", 4, 22),
      p("Vitamin C Serum", 5, 34), p("Hydrating Face Cream", 5, 28), p("Mineral Sunscreen SPF 50", 5, 19),
      p("Argan Hair Oil", 5, 24), p("Bamboo Toothbrush Set", 5, 9), p("Charcoal Face Mask", 5, 15),
      p("Lavender Body Lotion", 5, 14), p("Hair Dryer Pro", 5, 89));

  static final List<String> FIRST_NAMES = List.of(
      "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella", "Lucas", "Mia", "Mason",
      "Amelia", "Ethan", "Harper", "Logan", "Evelyn", "Aiden", "Abigail", "Jackson", "Emily", "Carter", "Ella",
      "Wyatt", "Grace", "Owen", "Chloe", "Caleb", "Nora", "Ryan", "Lily", "Nathan", "Zoe", "Isaac", "Hannah",
      "Julian", "Layla", "Aaron", "Priya", "Mateo", "Aisha", "Kenji", "Sofia", "Omar", "Mei", "Diego");

  static final List<String> LAST_NAMES = List.of(
      "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
      "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
      "Lee", "Perez", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen",
      "King", "Wright", "Scott", "Nguyen", "Hill", "Patel", "Kim", "Chen", "Rivera", "Campbell", "Mitchell");

  static final List<String> EMAIL_DOMAINS = List.of("example.com", "example.org", "example.net");

  /** Regions and how often a customer is in each; the remaining share has no region (NULL). */
  static final List<String> REGIONS = List.of("Northeast", "Southeast", "Midwest", "Southwest", "West");
  static final double[] REGION_WEIGHTS = {0.21, 0.19, 0.18, 0.14, 0.23, 0.05};

  /** Signup channels and their shares; the remaining share was not recorded (NULL). */
  static final List<String> CHANNELS = List.of("web", "mobile", "referral", "social");
  static final double[] CHANNEL_WEIGHTS = {0.42, 0.29, 0.14, 0.08, 0.07};

  static final List<String> PAYMENT_METHODS = List.of("credit_card", "paypal", "debit_card", "gift_card");
  static final double[] PAYMENT_WEIGHTS = {0.54, 0.25, 0.13, 0.08};

  /** Relative demand per category, in {@link #CATEGORIES} order. */
  static final double[] CATEGORY_DEMAND = {1.3, 1.0, 1.2, 0.9, 0.7, 0.8};

  private ExampleCatalog() {}

  private static CatalogProduct p(String name, int category, int basePrice) {
    return new CatalogProduct(name, CATEGORIES.get(category), basePrice);
  }
}
