package dev.diaharness.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.config.AgentConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProposalValidatorTest {
  private static final AgentConfig CONFIG = new AgentConfig("b", null, "", "", "", "", """
      orders table: id, customer_id, amount, status
      customers table: id, region""", List.of(), "", List.of(), List.of(), "", "", Optional.empty());
  private final ProposalValidator validator = new ProposalValidator(sql -> sql.toUpperCase().startsWith("SELECT"));

  private List<String> prompt(String before, String after) {
    return validator.problems(CONFIG, new FieldChange(ConfigField.NL2SQL_PROMPT, before, after, "", 1));
  }

  @Test
  void sqlInsteadOfInstructionsIsRejected() {
    assertThat(prompt("", "SELECT * FROM orders WHERE status = 'x'")).singleElement().asString()
        .contains("natural-language instructions");
    assertThat(prompt("", "```sql\nSELECT 1\n```")).isNotEmpty();
    assertThat(prompt("", "Select only the columns the question needs.")).isEmpty();
  }

  @Test
  void shrinkingBelowSeventyPercentIsRejected() {
    String before = "Always join orders to customers on customer_id and filter on status carefully.";
    assertThat(prompt(before, before.substring(0, 40))).anyMatch(p -> p.contains("below 70%"));
    assertThat(prompt(before, before + " Round amounts to 2 decimals.")).isEmpty();
  }

  @Test
  void losingAMentionOfAJoinKeyOrTableIsRejected() {
    String before = "Join orders to customers using customer_id; report amount in USD for each region.";
    String after = "Join the two tables with the right key; report the total in USD for each area, always.";
    assertThat(prompt(before, after)).anyMatch(p -> p.contains("customer_id") && p.contains("no longer mentions"));
  }

  @Test
  void examplesMustBeObjectsWithParsingSql() {
    var ok = new FieldChange(ConfigField.NL2SQL_EXAMPLES, "[]",
        "[{\"query\":\"how many\",\"expected_sql\":\"SELECT 1\",\"expected_response\":\"\"}]", "", 1);
    var bad = new FieldChange(ConfigField.NL2SQL_EXAMPLES, "[]",
        "[{\"query\":\"how many\",\"expected_sql\":\"SELEC 1\"}]", "", 1);
    var notJson = new FieldChange(ConfigField.NL2SQL_EXAMPLES, "[]", "{oops", "", 1);
    assertThat(validator.problems(CONFIG, ok)).isEmpty();
    assertThat(validator.problems(CONFIG, bad)).singleElement().asString().contains("does not parse");
    assertThat(validator.problems(CONFIG, notJson)).singleElement().asString().contains("JSON list");
  }
}
