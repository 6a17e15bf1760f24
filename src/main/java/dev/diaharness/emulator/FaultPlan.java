package dev.diaharness.emulator;

import dev.diaharness.core.InputException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which faults the emulator injects into {@code streamAssist} calls and how often: each {@link Kind} has a rate in
 * [0, 1] and the rates sum to at most 1 (one request gets at most one fault). A 429 carries a {@code Retry-After}
 * header of {@code retryAfter}. Parsed from {@code --fault-rate 429=0.05,500=0.01,403=0,failed=0.01,truncate=0.01}.
 * This record is immutable and thread-safe.
 */
public record FaultPlan(Map<Kind, Double> rates, Duration retryAfter) {
  /** The kinds of fault, with the name used in {@code --fault-rate}. */
  public enum Kind {
    /** HTTP 429 RESOURCE_EXHAUSTED with a Retry-After header. */
    RATE_LIMITED("429"),
    /** HTTP 500 INTERNAL. */
    SERVER_ERROR("500"),
    /** HTTP 403 PERMISSION_DENIED (the caller is not authorized). */
    FORBIDDEN("403"),
    /** HTTP 200 with an answer.requiredAuthorizations[] element: the agent lacks the user's OAuth consent. */
    CONSENT_REQUIRED("consent"),
    /** The answer ends in state FAILED, without SQL. */
    FAILED_ANSWER("failed"),
    /** The stream stops in the middle of an element: the JSON array never ends. */
    TRUNCATED_STREAM("truncate"),
    /** The answer ends in state SKIPPED with {@code assistSkippedReasons}. */
    SKIPPED_ANSWER("skipped"),
    /** The answer ends in state CANCELLED. */
    CANCELLED_ANSWER("cancelled"),
    /** HTTP 200 whose response holds {@code connectorAuthErrors[]}: the data connector's consent is gone. */
    CONNECTOR_AUTH("connector-auth");

    private final String flagName;

    Kind(String flagName) {
      this.flagName = flagName;
    }

    public String flagName() {
      return flagName;
    }

    static Kind fromFlagName(String name) {
      for (Kind k : values()) {
        if (k.flagName.equals(name.toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      return null;
    }
  }

  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  public FaultPlan {
    EnumMap<Kind, Double> copy = new EnumMap<>(Kind.class);
    Objects.requireNonNull(rates, "rates").forEach((k, v) -> {
      if (v == null || v.isNaN() || v < 0 || v > 1) {
        throw new IllegalArgumentException("fault rate of " + k.flagName() + " must be in [0, 1], got " + v);
      }
      copy.put(k, v);
    });
    double sum = copy.values().stream().mapToDouble(Double::doubleValue).sum();
    if (sum > 1.0 + 1e-9) {
      throw new IllegalArgumentException("fault rates must sum to at most 1, got " + sum);
    }
    rates = Collections.unmodifiableMap(copy);
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter);
    }
  }

  /** No faults at all. */
  public static FaultPlan none() {
    return new FaultPlan(Map.of(), DEFAULT_RETRY_AFTER);
  }

  /** The rate of one kind (0 when absent). */
  public double rate(Kind kind) {
    return rates.getOrDefault(kind, 0.0);
  }

  /** A copy with one rate changed. */
  public FaultPlan withRate(Kind kind, double rate) {
    EnumMap<Kind, Double> copy = new EnumMap<>(Kind.class);
    copy.putAll(rates);
    copy.put(kind, rate);
    return new FaultPlan(copy, retryAfter);
  }

  public FaultPlan withRetryAfter(Duration value) {
    return new FaultPlan(rates, value);
  }

  /**
   * Parses the value of {@code flag} ({@code KIND=RATE,...}; kinds 429, 500, 403, consent, failed, truncate,
   * skipped, cancelled, connector-auth).
   *
   * @throws InputException naming the flag when the syntax, a kind or a rate is wrong
   */
  public static FaultPlan parse(String flag, String value) {
    EnumMap<Kind, Double> rates = new EnumMap<>(Kind.class);
    if (value == null || value.isBlank()) {
      return none();
    }
    for (String part : value.split(",")) {
      String[] kv = part.strip().split("=", -1);
      if (kv.length != 2) {
        throw new InputException(flag + ": '" + part.strip() + "' is not KIND=RATE (e.g. 429=0.05)");
      }
      Kind kind = Kind.fromFlagName(kv[0].strip());
      if (kind == null) {
        throw new InputException(flag + ": unknown fault kind '" + kv[0].strip()
            + "' (known: 429, 500, 403, consent, failed, truncate, skipped, cancelled, connector-auth)");
      }
      rates.put(kind, parseRate(flag, kv[1].strip()));
    }
    try {
      return new FaultPlan(rates, DEFAULT_RETRY_AFTER);
    } catch (IllegalArgumentException e) {
      throw new InputException(flag + ": " + e.getMessage());
    }
  }

  private static double parseRate(String flag, String text) {
    try {
      double rate = Double.parseDouble(text);
      if (Double.isNaN(rate) || rate < 0 || rate > 1) {
        throw new InputException(flag + ": rate '" + text + "' must be between 0 and 1");
      }
      return rate;
    } catch (NumberFormatException e) {
      throw new InputException(flag + ": rate '" + text + "' is not a number");
    }
  }
}
