package dev.diaharness.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Run A (iteration I) against run B (iteration J), split by split. The overall counts and p-value pool the splits:
 * every question of either set is one paired observation.
 */
public record RunComparison(Side a, Side b, List<SplitComparison> splits) {

  /** One side: the run folder, its id and command, and the iteration compared. */
  public record Side(Path run, String runId, String command, int iteration, boolean best) {}

  public RunComparison {
    splits = List.copyOf(splits);
  }

  public List<QuestionChange> all(Change change) {
    return splits.stream().flatMap(s -> s.with(change).stream()).toList();
  }

  public List<QuestionChange> unchanged() {
    return splits.stream().flatMap(s -> s.unchanged().stream()).toList();
  }

  public double pValue() {
    return McNemar.exactTwoSided(all(Change.FIXED).size(), all(Change.BROKEN).size());
  }

  /** More questions broke than were fixed, with p < 0.05: what {@code --fail-on-regression} fails on. */
  public boolean regressed() {
    return all(Change.BROKEN).size() > all(Change.FIXED).size() && pValue() < 0.05;
  }

  public Optional<SplitComparison> split(dev.diaharness.run.Split split) {
    return splits.stream().filter(s -> s.split() == split).findFirst();
  }
}
