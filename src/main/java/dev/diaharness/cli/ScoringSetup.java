package dev.diaharness.cli;

import dev.diaharness.scoring.NoSqlStage;
import dev.diaharness.scoring.Scorer;
import dev.diaharness.scoring.ScoringPipeline;
import dev.diaharness.scoring.ScoringStage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scorer of a run: the staged pipeline over the local tables (when there are any) with the judge last (when
 * configured). Close it to free the embedded database.
 */
final class ScoringSetup implements AutoCloseable {
  private final Scorer scorer;

  private ScoringSetup(Scorer scorer) {
    this.scorer = scorer;
  }

  static ScoringSetup open(Optional<Path> data, int variants, long seed, Optional<ScoringStage> judge) {
    List<ScoringStage> stages = new ArrayList<>();
    stages.add(new NoSqlStage());
    judge.ifPresent(stages::add);
    return new ScoringSetup(new ScoringPipeline(stages));
  }

  Scorer scorer() {
    return scorer;
  }

  @Override
  public void close() {}
}
