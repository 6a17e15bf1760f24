package dev.diaharness.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * USD prices per million input and output tokens, per model. The built-in table ({@code prices.json} next to this
 * class) holds approximate public list prices with the date they were checked; a user file in the same format
 * (path in {@code DIA_PRICES_FILE}) overrides or adds entries. A model is looked up by its name without the provider
 * prefix, exactly, else by the longest priced name it starts with ({@code gemini-2.5-pro-preview-05-06} →
 * {@code gemini-2.5-pro}); an unknown model (a local one) costs nothing. Immutable and thread-safe.
 */
public final class PriceTable {
  /** The variable naming a user price file. */
  public static final String VARIABLE = "DIA_PRICES_FILE";
  private static final String BUILT_IN = "prices.json";

  /** A model's price in USD per million tokens. */
  public record Price(double inputPerMillion, double outputPerMillion) {
    public Price {
      if (inputPerMillion < 0 || outputPerMillion < 0) {
        throw new IllegalArgumentException("prices must be >= 0");
      }
    }

    public double cost(TokenUsage usage) {
      return (usage.input() * inputPerMillion + usage.output() * outputPerMillion) / 1_000_000.0;
    }
  }

  private final Map<String, Price> prices;

  private PriceTable(Map<String, Price> prices) {
    this.prices = Map.copyOf(prices);
  }

  /** The built-in table. */
  public static PriceTable builtIn() {
    try (InputStream in = PriceTable.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUILT_IN);
      }
      return new PriceTable(parse(Json.MAPPER.readTree(in), BUILT_IN));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The built-in table overridden by the file {@code DIA_PRICES_FILE} names, if any. */
  public static PriceTable fromEnvironment(java.util.function.Function<String, Optional<String>> env) {
    return env.apply(VARIABLE).filter(v -> !v.isBlank()).map(v -> builtIn().overriddenBy(Path.of(v.strip())))
        .orElseGet(PriceTable::builtIn);
  }

  /**
   * A copy with the entries of {@code file} added or replacing these.
   *
   * @throws InputException when the file is unreadable or an entry is malformed
   */
  public PriceTable overriddenBy(Path file) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw InputException.inFile(file, "cannot read the price file (" + e.getMessage() + ")");
    }
    Map<String, Price> merged = new TreeMap<>(prices);
    merged.putAll(parse(root, file.toString()));
    return new PriceTable(merged);
  }

  private static Map<String, Price> parse(JsonNode root, String source) {
    JsonNode models = root == null ? null : root.get("models");
    if (models == null || !models.isObject()) {
      throw new InputException(source + ": expected {\"models\": {\"MODEL\": {\"input_per_million\": USD, "
          + "\"output_per_million\": USD}}}");
    }
    Map<String, Price> out = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = models.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode in = entry.getValue().get("input_per_million");
      JsonNode outPrice = entry.getValue().get("output_per_million");
      if (in == null || !in.isNumber() || outPrice == null || !outPrice.isNumber()
          || in.asDouble() < 0 || outPrice.asDouble() < 0) {
        throw new InputException(source + " field 'models." + entry.getKey()
            + "': needs non-negative numbers input_per_million and output_per_million");
      }
      out.put(entry.getKey().toLowerCase(Locale.ROOT), new Price(in.asDouble(), outPrice.asDouble()));
    }
    return out;
  }

  /** The price of {@code modelId} (with or without provider prefix), if the table knows it. */
  public Optional<Price> priceOf(String modelId) {
    String name = modelId.toLowerCase(Locale.ROOT);
    int colon = name.indexOf(':');
    if (colon >= 0) {
      name = name.substring(colon + 1);
    }
    Price exact = prices.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    String best = null;
    for (String known : prices.keySet()) {
      if (name.startsWith(known) && (best == null || known.length() > best.length())) {
        best = known;
      }
    }
    return Optional.ofNullable(best).map(prices::get);
  }

  /** The cost of {@code usage} on {@code modelId}; 0 for an unpriced model. */
  public double cost(String modelId, TokenUsage usage) {
    return priceOf(modelId).map(price -> price.cost(usage)).orElse(0.0);
  }
}
