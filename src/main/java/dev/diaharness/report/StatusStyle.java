package dev.diaharness.report;

import dev.diaharness.scoring.Status;
import java.awt.Color;

/**
 * The fixed colour and reader-facing label of every {@link Status}, so every chart and table shows a status the
 * same way: greens for passes, ambers/reds for wrong answers, greys/purple for what is not the agent's answer
 * being wrong (errors, undecided). Stateless.
 */
public final class StatusStyle {
  private StatusStyle() {}

  public static Color colour(Status status) {
    switch (status) {
      case EXACT: return new Color(0x1B5E20);
      case EXEC_EQUIVALENT: return new Color(0x43A047);
      case JUDGED: return new Color(0x9CCC65);
      case COUNTEREXAMPLE: return new Color(0xFB8C00);
      case EXEC_MISMATCH: return new Color(0xE53935);
      case UNSTABLE: return new Color(0xFFB300);
      case INCONCLUSIVE: return new Color(0xB0BEC5);
      case PRED_ERROR: return new Color(0xAD1457);
      case NO_SQL: return new Color(0x6D4C41);
      case GOLD_ERROR: return new Color(0x8E24AA);
      case UNSUPPORTED: return new Color(0x90A4AE);
      case AGENT_ERROR: return new Color(0x37474F);
      default: throw new AssertionError(status);
    }
  }

  public static String label(Status status) {
    switch (status) {
      case EXACT: return "exact match";
      case EXEC_EQUIVALENT: return "same results (incl. variants)";
      case JUDGED: return "decided by the judge";
      case COUNTEREXAMPLE: return "counterexample found";
      case EXEC_MISMATCH: return "different results";
      case UNSTABLE: return "result depends on row order";
      case INCONCLUSIVE: return "results prove nothing";
      case PRED_ERROR: return "agent SQL failed";
      case NO_SQL: return "no SQL";
      case GOLD_ERROR: return "expected SQL failed (golden set)";
      case UNSUPPORTED: return "undecided";
      case AGENT_ERROR: return "agent error";
      default: throw new AssertionError(status);
    }
  }

  /** Hex form of the colour, e.g. {@code #1B5E20}, for HTML. */
  public static String hex(Status status) {
    Color c = colour(status);
    return String.format("#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
  }
}
