package dev.diaharness.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The questions of one loaded file, in file order, with unique ids. */
public record GoldenSet(Path source, List<GoldenCase> cases) {
  public GoldenSet {
    Objects.requireNonNull(source, "source");
    cases = List.copyOf(cases);
  }

  public int size() {
    return cases.size();
  }
}
