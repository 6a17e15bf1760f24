package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.run.ItemResult;
import dev.diaharness.run.Split;
import dev.diaharness.testing.Rows;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
  private static ItemResult row(Split split, int n) {
    return Rows.passOrFail(split, "q" + n, 1, false);
  }

  @Test
  void withoutATerminalItPrintsAPlainLineAtEveryTenthNotPerItem() {
    StringWriter out = new StringWriter();
    ConsoleProgress progress = new ConsoleProgress(new PrintWriter(out), false);
    progress.evaluationStarted(1, Split.TRAIN, 100, 0);
    for (int i = 1; i <= 100; i++) {
      progress.itemFinished(row(Split.TRAIN, i), i, 100);
    }
    String text = out.toString();
    assertThat(text).doesNotContain("\r").contains("iteration 1: train — 100 items")
        .contains("train 10/100 (10%)").contains("train 100/100 (100%)");
    assertThat(text.lines().filter(l -> l.startsWith("  train ")).count()).isEqualTo(10);
  }

  @Test
  void onATerminalOneLineIsRedrawnInPlaceForBothSplits() {
    StringWriter out = new StringWriter();
    ConsoleProgress progress = new ConsoleProgress(new PrintWriter(out), true);
    progress.evaluationStarted(1, Split.TRAIN, 4, 0);
    progress.evaluationStarted(1, Split.TEST, 2, 0);
    progress.itemFinished(row(Split.TRAIN, 1), 1, 4);
    progress.itemFinished(row(Split.TEST, 1), 1, 2);
    String last = out.toString().substring(out.toString().lastIndexOf('\r') + 1);
    assertThat(last).contains("train 1/4").contains("test 1/2").contains("[##########..........]");
  }
}
