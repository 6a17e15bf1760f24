package dev.diaharness.scoring;

import java.util.List;
import java.util.Optional;

/**
 * The staged scorer of SPEC §4: the stages run cheapest first and the first that decides ends it. When none
 * decides, the answer is UNDECIDED ({@code UNSUPPORTED}) with the reasons the stages gave — never a pass.
 * Thread-safe when its stages are.
 */
public final class ScoringPipeline implements Scorer {
  private final List<ScoringStage> stages;

  public ScoringPipeline(List<ScoringStage> stages) {
    this.stages = List.copyOf(stages);
  }

  @Override
  public Verdict score(ScoringInput input) {
    for (ScoringStage stage : stages) {
      Optional<Verdict> verdict = stage.decide(input);
      if (verdict.isPresent()) {
        return verdict.get();
      }
    }
    List<String> reasons = stages.stream().map(stage -> stage.whyUndecided(input)).flatMap(Optional::stream)
        .toList();
    String summary = "no stage could decide: execution was not possible and no judge is configured";
    if (reasons.isEmpty()) {
      return Verdict.of(Outcome.UNDECIDED, Status.UNSUPPORTED, CategoryScores.ZERO, Evidence.of(summary));
    }
    return Verdict.of(Outcome.UNDECIDED, Status.UNSUPPORTED, CategoryScores.ZERO,
        new Evidence(summary + " (" + String.join("; ", reasons) + ")", java.util.Map.of("unsupported", reasons)));
  }
}
