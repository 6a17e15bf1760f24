package dev.diaharness.emulator.brain;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.ConfigHash;
import dev.diaharness.config.NlExample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's default, offline brain: a lexical nearest-example baseline, <b>not an LLM</b> (SPEC §3.3). It finds
 * the config example whose question is most similar to the new one (cosine over stemmed words, schema concepts and
 * literal placeholders; see {@link TextFeatures}) and adapts that example's SQL to the new question's literals
 * ({@link LiteralAdapter}). Below a similarity threshold, or with no examples, it guesses a simple query on the
 * table the question seems to be about ({@link FallbackGuess}), which is usually wrong. So its accuracy depends on
 * the config: adding the right examples (and describing the schema well) raises it.
 *
 * <p>With {@code temperature} 0 it always takes the best match (ties: the earlier example). Above 0 it samples
 * among the examples above the threshold with a softmax over similarity / temperature, from a random generator
 * seeded by (seed, config, question, repeat), so repeats may disagree and the same inputs always give the same
 * answer — whatever the order or number of calls.
 * This class is thread-safe.
 */
public final class RetrievalBrain implements Brain {
  /** Below this similarity no example is considered relevant. */
  public static final double DEFAULT_THRESHOLD = 0.3;

  private final DataCatalog catalog;
  private final long seed;
  private final double temperature;
  private final double threshold;
  /** One vocabulary per schema description: a PATCHed description gets a new one. */
  private final Map<String, Vocabulary> vocabularies = new ConcurrentHashMap<>();

  /**
   * @param catalog the loaded tables ({@link DataCatalog#empty()} when no data is loaded)
   * @param temperature 0 for always the top match; higher values spread the choice among near ties
   * @throws IllegalArgumentException when temperature is negative or not finite
   */
  public RetrievalBrain(DataCatalog catalog, long seed, double temperature) {
    this(catalog, seed, temperature, DEFAULT_THRESHOLD);
  }

  public RetrievalBrain(DataCatalog catalog, long seed, double temperature, double threshold) {
    if (!(temperature >= 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
    }
    this.catalog = catalog;
    this.seed = seed;
    this.temperature = temperature;
    this.threshold = threshold;
  }

  @Override
  public BrainAnswer answer(AgentConfig config, String question, int repeat) {
    Vocabulary vocabulary = vocabulary(config.schemaDescription());
    TextFeatures asked = TextFeatures.of(question, vocabulary);
    List<NlExample> examples = config.nl2sqlExamples().stream().filter(e -> !e.expectedSql().isBlank()).toList();
    List<TextFeatures> features = new ArrayList<>(examples.size());
    double[] similarity = new double[examples.size()];
    int best = -1;
    for (int i = 0; i < examples.size(); i++) {
      features.add(TextFeatures.of(examples.get(i).query(), vocabulary));
      similarity[i] = asked.similarity(features.get(i));
      if (best < 0 || similarity[i] > similarity[best]) {
        best = i;
      }
    }
    if (best < 0 || similarity[best] < threshold) {
      String why = best < 0 ? "The agent has no examples." : String.format(Locale.ROOT,
          "No example is similar enough (closest: \"%s\", similarity %.2f).", examples.get(best).query(),
          similarity[best]);
      return FallbackGuess.guess(asked, vocabulary, FallbackGuess.qualifier(config), why);
    }
    int chosen = temperature == 0 ? best : sample(similarity,
        new SplittableRandom(mix(ConfigHash.of(config), question, repeat)));
    LiteralAdapter.Adapted adapted =
        LiteralAdapter.adapt(examples.get(chosen).expectedSql().strip(), features.get(chosen), asked, catalog);
    return BrainAnswer.withSql(adapted.sql(), thoughts(examples.get(chosen), similarity[chosen], adapted));
  }

  private Vocabulary vocabulary(String schemaDescription) {
    if (vocabularies.size() > 64) {
      vocabularies.clear(); // an optimizer may try many descriptions: keep memory bounded
    }
    return vocabularies.computeIfAbsent(schemaDescription, s -> new Vocabulary(s, catalog));
  }

  private int sample(double[] similarity, SplittableRandom random) {
    double max = 0;
    for (double s : similarity) {
      max = Math.max(max, s);
    }
    double[] weights = new double[similarity.length];
    double total = 0;
    for (int i = 0; i < similarity.length; i++) {
      weights[i] = similarity[i] < threshold ? 0 : Math.exp((similarity[i] - max) / temperature);
      total += weights[i];
    }
    double pick = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      pick -= weights[i];
      if (pick < 0 && weights[i] > 0) {
        return i;
      }
    }
    return argmaxOf(similarity);
  }

  private static int argmaxOf(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * A 64-bit mix of (seed, config, question, repeat): String.hashCode is specified and the config hash is a
   * SHA-256 of its canonical JSON, so this is stable across JVMs.
   */
  private long mix(String configHash, String question, int repeat) {
    long h = seed * 0x9E3779B97F4A7C15L;
    h ^= Long.parseUnsignedLong(configHash.substring(0, 15), 16) * 0xFF51AFD7ED558CCDL;
    h ^= question.hashCode() * 0xC2B2AE3D27D4EB4FL;
    h ^= (repeat + 1L) * 0x165667B19E3779F9L;
    return h ^ (h >>> 31);
  }

  private static String thoughts(NlExample example, double similarity, LiteralAdapter.Adapted adapted) {
    StringBuilder t = new StringBuilder(String.format(Locale.ROOT,
        "The closest example question is \"%s\" (similarity %.2f), so I start from its SQL.", example.query(),
        similarity));
    if (!adapted.changes().isEmpty()) {
      t.append(" I adapt its literals to the question: ").append(String.join(", ", adapted.changes())).append('.');
    }
    return t.toString();
  }
}
