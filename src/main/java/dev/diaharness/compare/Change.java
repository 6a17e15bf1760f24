package dev.diaharness.compare;

/** What happened to one question between run A and run B (a question passes when most of its repeats pass). */
public enum Change {
  /** failed in A, passes in B */
  FIXED,
  /** passed in A, fails in B */
  BROKEN,
  /** passes in both */
  STILL_PASSING,
  /** fails in both */
  STILL_FAILING,
  /** asked only in A (the sets differ) */
  ONLY_IN_A,
  /** asked only in B */
  ONLY_IN_B;

  public boolean unchanged() {
    return this == STILL_PASSING || this == STILL_FAILING;
  }
}
