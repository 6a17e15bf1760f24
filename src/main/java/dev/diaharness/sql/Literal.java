package dev.diaharness.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Objects;

/**
 * A constant written in a query (a number, a string, a date or a timestamp), in canonical text: numbers without
 * trailing zeros ({@code 100.50} → {@code 100.5}), dates {@code yyyy-MM-dd}, timestamps ISO
 * {@code yyyy-MM-ddTHH:mm[:ss]}. Database variants put values near these constants. Immutable and thread-safe.
 */
public record Literal(Kind kind, String value) implements Comparable<Literal> {
  /** The kinds of constant a variant can nudge data around. */
  public enum Kind { NUMBER, STRING, DATE, TIMESTAMP }

  private static final Comparator<Literal> ORDER =
      Comparator.comparing(Literal::kind).thenComparing(Literal::value);

  /**
   * @throws IllegalArgumentException when the value does not parse as its kind
   */
  public Literal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (kind == Kind.NUMBER) {
      value = canonicalNumber(new BigDecimal(value));
    } else if (kind == Kind.DATE) {
      value = LocalDate.parse(value).toString();
    } else if (kind == Kind.TIMESTAMP) {
      value = LocalDateTime.parse(value.replace(' ', 'T')).toString();
    }
  }

  public static Literal number(String text) {
    return new Literal(Kind.NUMBER, text);
  }

  public static Literal string(String text) {
    return new Literal(Kind.STRING, text);
  }

  public static Literal date(String isoDate) {
    return new Literal(Kind.DATE, isoDate);
  }

  public static Literal timestamp(String isoTimestamp) {
    return new Literal(Kind.TIMESTAMP, isoTimestamp);
  }

  public BigDecimal asNumber() {
    return new BigDecimal(value);
  }

  /** The date of a DATE or TIMESTAMP literal. */
  public LocalDate asDate() {
    return kind == Kind.DATE ? LocalDate.parse(value) : LocalDateTime.parse(value).toLocalDate();
  }

  private static String canonicalNumber(BigDecimal d) {
    String s = d.stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  @Override
  public int compareTo(Literal o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return kind == Kind.STRING ? "'" + value + "'" : kind == Kind.NUMBER ? value : kind + " " + value;
  }
}
