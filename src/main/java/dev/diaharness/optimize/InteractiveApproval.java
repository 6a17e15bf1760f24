package dev.diaharness.optimize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Asks the user about each change: the unified diff and the rationale, then approve / edit / skip; between
 * iterations, continue y/n. Edit opens {@code $EDITOR} on a temp file, or, with no editor, reads lines until a
 * line {@code END}; an edit the field cannot hold (examples that are not a JSON list) is refused and asked again. Reads the given reader (stdin in the CLI), so answers can be piped. End of input = skip/stop.
 */
public final class InteractiveApproval implements ApprovalPolicy {
  private final BufferedReader in;
  private final PrintWriter out;
  private final Optional<String> editor;
  private volatile boolean inputEnded;

  public InteractiveApproval(BufferedReader in, PrintWriter out, Optional<String> editor) {
    this.in = in;
    this.out = out;
    this.editor = editor.filter(e -> !e.isBlank());
  }

  @Override
  public List<FieldChange> review(int iteration, List<FieldChange> changes) {
    List<FieldChange> approved = new ArrayList<>();
    for (FieldChange change : changes) {
      out.printf("%nProposed change to %s (iteration %d → %d, priority %d)%n", change.field().key(), iteration,
          iteration + 1, change.priority());
      out.println("Why: " + change.rationale());
      out.print(UnifiedDiff.of(change.field().key(), change.before(), change.after()));
      decide(change).ifPresent(approved::add);
    }
    return approved;
  }

  private Optional<FieldChange> decide(FieldChange change) {
    while (true) {
      String answer = ask("[a]pprove / [e]dit / [s]kip? ");
      switch (answer) {
        case "a":
        case "approve":
        case "y":
          return Optional.of(change);
        case "e":
        case "edit": {
          String text = edit(change.after());
          Optional<String> problem = problemWith(change.field(), text);
          if (problem.isEmpty()) {
            return Optional.of(change.withAfter(text));
          }
          // unusable text would only fail later, when the config is built, and end the whole run: ask again
          out.println("The edited text cannot be used: " + problem.get());
          break;
        }
        case "s":
        case "skip":
        case "":
          return Optional.empty();
        default:
          out.println("Please answer a, e or s.");
      }
    }
  }

  /** Why {@code text} cannot be the field's value (examples must be a JSON list), or empty. */
  private static Optional<String> problemWith(ConfigField field, String text) {
    if (field != ConfigField.NL2SQL_EXAMPLES) {
      return Optional.empty();
    }
    try {
      ConfigField.parseExamples(text);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  @Override
  public boolean continueAfter(int iteration) {
    String answer = ask("Continue with iteration " + (iteration + 1) + "? [y/n] ");
    return answer.equals("y") || answer.equals("yes");
  }

  /** The answer lower-cased and trimmed; "" at end of input. */
  private String ask(String prompt) {
    out.print(prompt);
    out.flush();
    String line = readLine();
    return line == null ? "" : line.strip().toLowerCase(Locale.ROOT);
  }

  private String edit(String text) {
    return editor.isPresent() ? editWithEditor(text) : readUntilEnd();
  }

  private String readUntilEnd() {
    out.println("Type the new text; finish with a line END:");
    out.flush();
    StringBuilder s = new StringBuilder();
    for (String line = readLine(); line != null && !line.equals("END"); line = readLine()) {
      s.append(s.length() > 0 ? "\n" : "").append(line);
    }
    return s.toString();
  }

  private String editWithEditor(String text) {
    try {
      Path file = Files.createTempFile("dia-harness-edit-", ".txt");
      try {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(editor.get(), file.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
          out.println("The editor failed; keeping the proposed text.");
          return text;
        }
        return Files.readString(file, StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return text;
    }
  }

  /** True once the input ended while an answer was expected (piped answers ran out, or stdin was closed). */
  public boolean inputEnded() {
    return inputEnded;
  }

  private String readLine() {
    try {
      String line = in.readLine();
      if (line == null && !inputEnded) {
        inputEnded = true;
        out.println();
        out.println("(standard input ended: taking that as skip / stop; give --auto-accept to optimize without "
            + "questions)");
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
