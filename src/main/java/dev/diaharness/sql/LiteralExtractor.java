package dev.diaharness.sql;

import dev.diaharness.core.BoundedCache;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Extracts the constants of a query — numbers, strings, dates, timestamps — from the original (BigQuery) SQL: the
 * union of a JSqlParser tree walk (typed DATE/TIMESTAMP literals, signed numbers) and a lexical scan for quoted
 * strings and numbers outside names and comments, which also covers SQL the parser rejects.
 * A string that looks like a date or timestamp yields that literal too. At most {@link #MAX_LITERALS} per call, so
 * a query with a huge IN list cannot make variants expensive. Stateless and thread-safe.
 */
public final class LiteralExtractor {
  public static final int MAX_LITERALS = 32;
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.$@])(\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?(?![\\w.])");

  private LiteralExtractor() {}

  /** The literals of both queries together (the set {@link DatabaseVariants#variantsFor} takes). */
  public static Set<Literal> extract(String expectedSql, String generatedSql) {
    Set<Literal> all = new TreeSet<>(extract(expectedSql));
    all.addAll(extract(generatedSql));
    return cap(all);
  }

  /** The literals of one query, sorted; unmodifiable (cached: the same SQL comes back at every repeat). */
  public static Set<Literal> extract(String sql) {
    return sql == null ? extractUncached(null) : CACHE.get(sql, s -> Collections.unmodifiableSet(extractUncached(s)));
  }

  private static final BoundedCache<String, Set<Literal>> CACHE = new BoundedCache<>(8192);

  private static Set<Literal> extractUncached(String sql) {
    Set<Literal> out = new TreeSet<>();
    if (sql == null || sql.isBlank()) {
      return out;
    }
    try {
      if (SqlParser.parse(sql) instanceof SqlParseResult.Parsed parsed) {
        new Collector(out).getTables(parsed.statement());
      }
    } catch (Exception | StackOverflowError e) {
      out.clear();
    }
    // always also scan: JSqlParser reads BigQuery's "strings" as column names and its tree walk skips QUALIFY
    lexical(sql, out);
    return cap(out);
  }

  private static Set<Literal> cap(Set<Literal> all) {
    Set<Literal> out = new TreeSet<>();
    for (Literal l : all) {
      if (out.size() == MAX_LITERALS) {
        break;
      }
      out.add(l);
    }
    return out;
  }

  static void lexical(String sql, Set<Literal> out) {
    for (String s : SqlLexicalScan.stringLiterals(sql)) {
      addString(s, out);
    }
    String masked = SqlLexicalScan.mask(sql);
    Matcher m = NUMBER.matcher(masked);
    while (m.find()) {
      boolean negative = negativeSign(masked, m.start());
      out.add(Literal.number((negative ? "-" : "") + m.group()));
    }
  }

  /** A '-' right before the number, itself after an operator or '(' or ',' (not a subtraction). */
  private static boolean negativeSign(String s, int start) {
    int i = start - 1;
    while (i >= 0 && Character.isWhitespace(s.charAt(i))) {
      i--;
    }
    if (i < 0 || s.charAt(i) != '-') {
      return false;
    }
    int j = i - 1;
    while (j >= 0 && Character.isWhitespace(s.charAt(j))) {
      j--;
    }
    return j < 0 || "(,=<>+*/".indexOf(s.charAt(j)) >= 0;
  }

  static void addString(String s, Set<Literal> out) {
    out.add(Literal.string(s));
    String t = s.strip();
    try {
      if (DATE.matcher(t).matches()) {
        out.add(Literal.date(t));
      } else if (TIMESTAMP.matcher(t).matches()) {
        out.add(Literal.timestamp(t));
      }
    } catch (RuntimeException notACalendarDate) {
      // '2024-13-45' stays a plain string
    }
  }

  /** Visits every expression of the statement (TablesNamesFinder walks the whole tree) and keeps the constants. */
  private static final class Collector extends TablesNamesFinder<Void> {
    private final Set<Literal> out;

    Collector(Set<Literal> out) {
      this.out = out;
    }

    @Override
    public <S> Void visit(LongValue value, S context) {
      out.add(Literal.number(value.getStringValue()));
      return null;
    }

    @Override
    public <S> Void visit(DoubleValue value, S context) {
      out.add(Literal.number(Double.toString(value.getValue())));
      return null;
    }

    @Override
    public <S> Void visit(StringValue value, S context) {
      addString(value.getNotExcapedValue(), out);
      return null;
    }

    @Override
    public <S> Void visit(SignedExpression value, S context) {
      if (value.getSign() == '-' && value.getExpression() instanceof LongValue) {
        out.add(Literal.number("-" + ((LongValue) value.getExpression()).getStringValue()));
      } else if (value.getSign() == '-' && value.getExpression() instanceof DoubleValue) {
        out.add(Literal.number("-" + ((DoubleValue) value.getExpression()).getValue()));
      } else {
        value.getExpression().accept(this, context);
      }
      return null;
    }

    @Override
    public <S> Void visit(DateTimeLiteralExpression value, S context) {
      addString(unquote(value.getValue()), out);
      return null;
    }

    @Override
    public <S> Void visit(DateValue value, S context) {
      out.add(Literal.date(value.getValue().toString()));
      return null;
    }

    @Override
    public <S> Void visit(TimestampValue value, S context) {
      out.add(Literal.timestamp(value.getValue().toLocalDateTime().toString()));
      return null;
    }

    private static String unquote(String s) {
      String t = s.strip();
      return t.length() >= 2 && (t.startsWith("'") || t.startsWith("\"")) ? t.substring(1, t.length() - 1) : t;
    }
  }
}
