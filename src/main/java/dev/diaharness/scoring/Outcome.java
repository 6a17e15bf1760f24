package dev.diaharness.scoring;

/** The verdict of one answer. Accuracy everywhere is the share of {@link #PASS} over all items. */
public enum Outcome {
  PASS,
  FAIL,
  /** nothing could decide (unsupported construct and no judge, or the judge failed): never counted as a pass */
  UNDECIDED,
  /** the agent or the golden set is broken, not the answer wrong */
  ERROR
}
