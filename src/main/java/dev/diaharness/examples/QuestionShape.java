package dev.diaharness.examples;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of question of the shipped example (a "shape"): a SQL template with numbered placeholders
 * ({@code {0}}, {@code {1}}) and its questions, each with the literals that fill the template. A shape seen in
 * training has training questions; a new shape has test questions only, so the test set also asks kinds of question
 * the optimizer never saw. Immutable.
 *
 * @param tag the shape's name, the question's first tag
 */
record QuestionShape(String tag, Complexity complexity, String sqlTemplate, List<Phrasing> train,
    List<Phrasing> test) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

  /** The Python tool's three complexity levels, as written in the sets. */
  enum Complexity {
    SIMPLE("Simple"), MEDIUM("Medium"), COMPLEX("Complex");

    final String label;

    Complexity(String label) {
      this.label = label;
    }
  }

  /** A question and the literals of its SQL, in placeholder order. */
  record Phrasing(String question, List<String> literals) {
    Phrasing {
      literals = List.copyOf(literals);
    }
  }

  QuestionShape {
    Objects.requireNonNull(tag, "tag");
    train = List.copyOf(train);
    test = List.copyOf(test);
    if (test.isEmpty()) {
      throw new IllegalArgumentException(tag + ": a shape needs at least one test question");
    }
  }

  /** True when the shape has training questions; false for a shape only the test set asks. */
  boolean seenInTraining() {
    return !train.isEmpty();
  }

  /** The template filled with the phrasing's literals; every placeholder must have one. */
  String sql(Phrasing phrasing) {
    Matcher m = PLACEHOLDER.matcher(sqlTemplate);
    StringBuilder sql = new StringBuilder();
    while (m.find()) {
      int index = Integer.parseInt(m.group(1));
      if (index >= phrasing.literals().size()) {
        throw new IllegalArgumentException(tag + ": no literal {" + index + "} for '" + phrasing.question() + "'");
      }
      m.appendReplacement(sql, Matcher.quoteReplacement(phrasing.literals().get(index)));
    }
    m.appendTail(sql);
    return sql.toString();
  }
}
