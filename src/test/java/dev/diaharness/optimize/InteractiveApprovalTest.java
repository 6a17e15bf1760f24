package dev.diaharness.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InteractiveApprovalTest {
  private final StringWriter out = new StringWriter();

  private InteractiveApproval approval(String input) {
    return new InteractiveApproval(new BufferedReader(new StringReader(input)), new PrintWriter(out, true),
        Optional.empty());
  }

  private static final FieldChange PROMPT = new FieldChange(ConfigField.NL2SQL_PROMPT, "Use orders.\nBe brief.",
      "Use orders.\nJoin customers on customer_id.\nBe brief.", "failures joined wrongly", 1);
  private static final FieldChange SCHEMA = new FieldChange(ConfigField.SCHEMA_DESCRIPTION, "orders", "orders (id)",
      "ids missing", 2);

  @Test
  void approveAndSkipFromPipedAnswersShowingTheDiffAndRationale() {
    List<FieldChange> approved = approval("a\ns\n").review(1, List.of(PROMPT, SCHEMA));
    assertThat(approved).containsExactly(PROMPT);
    assertThat(out.toString()).contains("+Join customers on customer_id.").contains("Why: failures joined wrongly")
        .contains("--- nl2sql_prompt (current)");
  }

  @Test
  void editReadsLinesUntilEndWhenThereIsNoEditor() {
    List<FieldChange> approved = approval("x\ne\nFirst line\nSecond line\nEND\n").review(1, List.of(PROMPT));
    assertThat(approved).singleElement().extracting(FieldChange::after).isEqualTo("First line\nSecond line");
    assertThat(out.toString()).contains("Please answer a, e or s.");
  }

  @Test
  void continueOnlyOnYesAndEndOfInputStops() {
    assertThat(approval("y\n").continueAfter(1)).isTrue();
    assertThat(approval("n\n").continueAfter(1)).isFalse();
    assertThat(approval("").continueAfter(1)).isFalse();
    assertThat(approval("").review(1, List.of(PROMPT))).as("end of input skips").isEmpty();
  }
}
