package dev.diaharness.compare;

import dev.diaharness.run.Split;
import java.util.List;

/** One split compared: both accuracies, every question's change, and McNemar's p-value on fixed versus broken. */
public record SplitComparison(Split split, SideAccuracy a, SideAccuracy b, List<QuestionChange> questions) {

  public SplitComparison {
    questions = List.copyOf(questions);
  }

  public List<QuestionChange> with(Change change) {
    return questions.stream().filter(q -> q.change() == change).toList();
  }

  public List<QuestionChange> unchanged() {
    return questions.stream().filter(q -> q.change().unchanged()).toList();
  }

  public double pValue() {
    return McNemar.exactTwoSided(with(Change.FIXED).size(), with(Change.BROKEN).size());
  }
}
