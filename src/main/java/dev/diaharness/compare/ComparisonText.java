package dev.diaharness.compare;

import java.util.List;
import java.util.Locale;

/** The console form of a comparison, and the wording the HTML page shares with it. */
public final class ComparisonText {
  private ComparisonText() {}

  /** One sentence: what changed overall and whether it is significant. */
  public static String verdict(RunComparison c) {
    int fixed = c.all(Change.FIXED).size();
    int broken = c.all(Change.BROKEN).size();
    String significance = fixed + broken == 0 ? "no question changed"
        : c.pValue() < 0.05 ? "significant (p = " + p(c.pValue()) + " < 0.05)"
        : "not significant (p = " + p(c.pValue()) + ")";
    String direction = fixed > broken ? "B is better" : broken > fixed ? "B is worse" : "no net change";
    return "B fixed " + fixed + " and broke " + broken + " question(s): " + direction + ", " + significance + ".";
  }

  public static List<String> lines(RunComparison c) {
    List<String> out = new java.util.ArrayList<>();
    out.add("A: " + c.a().run() + " iteration " + c.a().iteration() + (c.a().best() ? " (best)" : ""));
    out.add("B: " + c.b().run() + " iteration " + c.b().iteration() + (c.b().best() ? " (best)" : ""));
    for (SplitComparison s : c.splits()) {
      out.add("");
      out.add(String.format(Locale.ROOT, "%s: accuracy A %s [%s, %s]  B %s [%s, %s]", s.split().label(),
          pct(s.a().accuracy()), pct(s.a().ci95Low()), pct(s.a().ci95High()), pct(s.b().accuracy()),
          pct(s.b().ci95Low()), pct(s.b().ci95High())));
      out.add(String.format(Locale.ROOT, "  %d fixed, %d broken, %d unchanged; McNemar exact p = %s",
          s.with(Change.FIXED).size(), s.with(Change.BROKEN).size(), s.unchanged().size(), p(s.pValue())));
      s.with(Change.FIXED).forEach(q -> out.add("  fixed   " + q.questionId() + "  " + shortText(q.question())));
      s.with(Change.BROKEN).forEach(q -> out.add("  broken  " + q.questionId() + "  " + shortText(q.question())));
      int onlyA = s.with(Change.ONLY_IN_A).size();
      int onlyB = s.with(Change.ONLY_IN_B).size();
      if (onlyA + onlyB > 0) {
        out.add("  not compared: " + onlyA + " question(s) only in A, " + onlyB + " only in B");
      }
    }
    out.add("");
    out.add(verdict(c));
    return out;
  }

  static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  static String p(double p) {
    return p < 0.0001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
  }

  private static String shortText(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() > 90 ? one.substring(0, 89) + "\u2026" : one;
  }
}
