package dev.diaharness.examples;

import dev.diaharness.examples.QuestionShape.Phrasing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the shipped example's question sets, {@code golden_set.json} (training) and {@code test_set.json}
 * (held out), from {@link EcommerceShapes}. Every question carries its shape as first tag and {@value #SEEN_SHAPE}
 * or {@value #NEW_SHAPE} as second, so the reports separate accuracy on kinds of question the optimizer was trained
 * on from accuracy on kinds it never saw (every training question is of a seen shape). The bytes depend only on the shapes (fixed order, {@code \n}
 * line ends, UTF-8).
 *
 * <p>Run it as {@code java -cp target/classes dev.diaharness.examples.EcommerceSetGenerator examples/ecommerce}.
 * Stateless and thread-safe.
 */
public final class EcommerceSetGenerator {
  /** Tag of a test question whose shape has training questions. */
  public static final String SEEN_SHAPE = "seen_shape";
  /** Tag of a test question whose shape appears only in the test set. */
  public static final String NEW_SHAPE = "new_shape";

  /** One generated question, with the fields the sets hold, in file order. */
  record Question(String id, String question, String sql, String complexity, List<String> tags) {
    Question {
      tags = List.copyOf(tags);
    }
  }

  private EcommerceSetGenerator() {}

  /** The training questions: every phrasing of every shape seen in training, tagged with its shape. */
  static List<Question> trainingSet() {
    List<Question> questions = new ArrayList<>();
    for (QuestionShape shape : EcommerceShapes.ALL) {
      add(questions, "train", shape, shape.train(), List.of(shape.tag(), SEEN_SHAPE));
    }
    return questions;
  }

  /** The held-out questions: shapes seen in training first, then the shapes only the test set asks. */
  static List<Question> testSet() {
    List<Question> questions = new ArrayList<>();
    for (QuestionShape shape : EcommerceShapes.ALL) {
      if (shape.seenInTraining()) {
        add(questions, "test", shape, shape.test(), List.of(shape.tag(), SEEN_SHAPE));
      }
    }
    for (QuestionShape shape : EcommerceShapes.ALL) {
      if (!shape.seenInTraining()) {
        add(questions, "test", shape, shape.test(), List.of(shape.tag(), NEW_SHAPE));
      }
    }
    return questions;
  }

  private static void add(List<Question> into, String split, QuestionShape shape, List<Phrasing> phrasings,
      List<String> tags) {
    for (int i = 0; i < phrasings.size(); i++) {
      Phrasing p = phrasings.get(i);
      into.add(new Question(split + "-" + shape.tag() + "-" + (i + 1), p.question(), shape.sql(p),
          shape.complexity().label, tags));
    }
  }

  /**
   * Writes {@code golden_set.json} and {@code test_set.json} into the folder, replacing them.
   *
   * @throws UncheckedIOException when a file cannot be written
   */
  public static void write(Path folder) {
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("golden_set.json"), json(trainingSet()), StandardCharsets.UTF_8);
      Files.writeString(folder.resolve("test_set.json"), json(testSet()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the example sets to " + folder, e);
    }
  }

  /** {@code main(folder)}. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: EcommerceSetGenerator OUTPUT_FOLDER   (the example's folder: examples/ecommerce)");
      System.exit(2);
    }
    write(Path.of(args[0]));
    long fresh = testSet().stream().filter(q -> q.tags().contains(NEW_SHAPE)).count();
    // an entry point, like the CLI: it may print
    System.out.println("wrote " + trainingSet().size() + " training and " + testSet().size() + " test questions ("
        + fresh + " of new shapes) to " + args[0]);
  }

  /** A JSON array of objects, two-space indented, one field per line, as the sets were written by hand. */
  static String json(List<Question> questions) {
    StringBuilder out = new StringBuilder("[\n");
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      out.append("  {\n");
      field(out, "question_id", q.id());
      field(out, "nl_question", q.question());
      field(out, "expected_sql", q.sql());
      field(out, "complexity", q.complexity());
      out.append("    \"tags\": [\n");
      for (int t = 0; t < q.tags().size(); t++) {
        out.append("      ").append(quoted(q.tags().get(t))).append(t + 1 < q.tags().size() ? ",\n" : "\n");
      }
      out.append("    ]\n  }").append(i + 1 < questions.size() ? ",\n" : "\n");
    }
    return out.append("]\n").toString();
  }

  private static void field(StringBuilder out, String name, String value) {
    out.append("    ").append(quoted(name)).append(": ").append(quoted(value)).append(",\n");
  }

  /** A JSON string literal; written here, not with Jackson, so the generator runs from target/classes alone. */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
