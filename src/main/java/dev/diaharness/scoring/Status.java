package dev.diaharness.scoring;

import java.util.EnumSet;
import java.util.Set;

/**
 * How an answer was decided (SPEC §4). Each status allows only certain outcomes; {@link Verdict} enforces it, so a
 * verdict can never say "NOT EQUIVALENT" and count as a pass (a Python-tool defect).
 */
public enum Status {
  EXACT(Outcome.PASS),
  EXEC_EQUIVALENT(Outcome.PASS),
  /** decided by the LLM judge: pass or fail */
  JUDGED(Outcome.PASS, Outcome.FAIL),
  COUNTEREXAMPLE(Outcome.FAIL),
  EXEC_MISMATCH(Outcome.FAIL),
  /**
   * a result depends on the physical order of rows (LIMIT without a total order, ARRAY_AGG without ORDER BY,
   * ANY_VALUE…): the generated result changed on a shuffled copy (FAIL), or only the expected one did (UNDECIDED)
   */
  UNSTABLE(Outcome.FAIL, Outcome.UNDECIDED),
  /** the results agree but prove nothing: empty (or all NULL) on every database, or cut by the row cap */
  INCONCLUSIVE(Outcome.UNDECIDED),
  /** the agent's SQL did not parse, was not read-only, or failed to run */
  PRED_ERROR(Outcome.FAIL),
  NO_SQL(Outcome.FAIL),
  /** the expected SQL failed: a golden-set problem, reported apart from agent failures */
  GOLD_ERROR(Outcome.ERROR),
  UNSUPPORTED(Outcome.UNDECIDED),
  AGENT_ERROR(Outcome.ERROR);

  private final Set<Outcome> allowed;

  Status(Outcome first, Outcome... more) {
    this.allowed = EnumSet.of(first, more);
  }

  public boolean allows(Outcome outcome) {
    return allowed.contains(outcome);
  }
}
