package dev.diaharness.cli;

import dev.diaharness.compare.ComparisonHtml;
import dev.diaharness.compare.ComparisonJson;
import dev.diaharness.compare.ComparisonText;
import dev.diaharness.compare.RunComparer;
import dev.diaharness.compare.RunComparison;
import dev.diaharness.compare.TagChanges;
import dev.diaharness.core.InputException;
import dev.diaharness.report.RunReader;
import dev.diaharness.report.RunRecord;
import dev.diaharness.run.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compare A[:I] B[:J]}: two runs (or iterations) question by question, with McNemar's exact test. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compare two runs question by question: per split, a question passes when more than half of its "
        + "repeats passed; lists the questions B fixed (fail -> pass) and broke (pass -> fail), both accuracies "
        + "with 95% intervals, and McNemar's exact two-sided p-value on fixed vs broken (both splits pooled).",
        "A and B are run folders; RUN:I picks iteration I (default: the run's best iteration, an evaluate run's "
            + "only one). Compare two iterations of one run with RUN:1 RUN:5."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:compared (also when B is worse, unless --fail-on-regression)",
        "1:--fail-on-regression and more questions broke than were fixed, with p < 0.05",
        "2:a run folder or iteration does not exist or is unreadable", "3:internal error"})
final class CompareCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A[:I]", description = "The run to compare from (the baseline).")
  String a;

  @Parameters(index = "1", paramLabel = "B[:J]", description = "The run to compare with A (the candidate).")
  String b;

  @Option(names = "--json", description = "Print one JSON object (keys a, b, fixed, broken, unchanged, accuracy, "
      + "p_value, splits) instead of text.")
  boolean json;

  @Option(names = "--html", paramLabel = "FILE", description = "Also write the comparison as a self-contained page, "
      + "with the SQL of A and B side by side.")
  Path html;

  @Option(names = "--fail-on-regression", description = "Exit 1 when more questions broke than were fixed with "
      + "p < 0.05 (for CI).")
  boolean failOnRegression;

  @Override
  public Integer call() {
    Ref refA = Ref.parse(a);
    Ref refB = Ref.parse(b);
    RunRecord runA = read(refA);
    RunRecord runB = read(refB);
    RunComparison comparison = RunComparer.compare(runA, refA.iteration(), runB, refB.iteration());
    List<TagChanges.TagChange> tags = TagChanges.of(comparison, runA, runB);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(ComparisonJson.of(comparison).set("by_tag", TagChanges.json(tags)).toPrettyString());
    } else {
      ComparisonText.lines(comparison).forEach(out::println);
      TagChanges.lines(tags).forEach(out::println);
    }
    if (html != null) {
      writeHtml(ComparisonHtml.render(comparison, tags));
      if (!json) {
        out.println("html: " + html);
      }
    }
    if (failOnRegression && comparison.regressed()) {
      spec.commandLine().getErr().println("regression: " + ComparisonText.verdict(comparison));
      return ExitCode.GATE_FAILED.code();
    }
    return ExitCode.OK.code();
  }

  private void writeHtml(String page) {
    try {
      Path parent = html.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(html, page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw InputException.inFile(html, "cannot write: " + e.getMessage());
    }
  }

  private static RunRecord read(Ref ref) {
    return RunReader.read(RunDirectory.open(ref.run()));
  }

  /** {@code RUN_DIR} or {@code RUN_DIR:I}. */
  record Ref(Path run, Optional<Integer> iteration) {
    static Ref parse(String text) {
      int colon = text.lastIndexOf(':');
      if (colon > 0 && text.substring(colon + 1).matches("\\d{1,6}")) {
        int i = Integer.parseInt(text.substring(colon + 1));
        if (i < 1) {
          throw new InputException(text + ": iterations start at 1");
        }
        return new Ref(Path.of(text.substring(0, colon)), Optional.of(i));
      }
      if (colon > 0 && colon == text.length() - 1) {
        throw new InputException(text + ": give an iteration number after ':' (e.g. " + text + "3)");
      }
      return new Ref(Path.of(text), Optional.empty());
    }
  }
}
