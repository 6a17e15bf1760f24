package dev.diaharness.optimize;

import java.util.List;

/** Decides which proposed changes are applied, and whether the loop goes on. */
public interface ApprovalPolicy {
  /** Applies every change and always continues ({@code --auto-accept}). */
  ApprovalPolicy AUTO_ACCEPT = new ApprovalPolicy() {
    @Override
    public List<FieldChange> review(int iteration, List<FieldChange> changes) {
      return changes;
    }

    @Override
    public boolean continueAfter(int iteration) {
      return true;
    }
  };

  /** The changes to apply, possibly edited; an empty list skips them all. */
  List<FieldChange> review(int iteration, List<FieldChange> changes);

  /** Asked between iterations; false ends the run (the user says stop). */
  boolean continueAfter(int iteration);
}
