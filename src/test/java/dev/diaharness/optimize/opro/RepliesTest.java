package dev.diaharness.optimize.opro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.config.NlExample;
import dev.diaharness.optimize.ConfigField;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Reading and checking the analysis and improvement replies. */
class RepliesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not JSON | here you go: change the prompt | not valid JSON",
      "an array | [] | one JSON object",
      "no fields array | {\"summary\":\"x\"} | \"fields\" array",
      "unknown field | {\"fields\":[{\"field\":\"prompt\",\"priority\":1,\"rationale\":\"r\"}]} | unknown field \"prompt\"",
      "missing rationale | {\"fields\":[{\"field\":\"nl2sql_prompt\",\"priority\":1}]} | has no rationale",
      "blank rationale | {\"fields\":[{\"field\":\"nl2sql_prompt\",\"priority\":1,\"rationale\":\" \"}]} | has no rationale",
      "priority out of range | {\"fields\":[{\"field\":\"nl2sql_prompt\",\"priority\":9,\"rationale\":\"r\"}]} | priority from 1",
      "field twice | {\"fields\":[{\"field\":\"nl2sql_prompt\",\"priority\":1,\"rationale\":\"r\"},{\"field\":\"nl2sql_prompt\",\"priority\":2,\"rationale\":\"r\"}]} | listed twice"})
  void anInvalidAnalysisSaysWhatIsWrong(String rule, String reply, String message) {
    assertThatThrownBy(() -> ConfigAnalysis.parse(reply)).isInstanceOf(InvalidReplyException.class)
        .hasMessageContaining(message);
  }

  @Test
  void anAnalysisInAFenceIsReadAndSortedByPriority() throws Exception {
    ConfigAnalysis a = ConfigAnalysis.parse("```json\n{\"summary\":\"s\",\"fields\":["
        + "{\"field\":\"nl2sql_examples\",\"priority\":2,\"rationale\":\"b\"},"
        + "{\"field\":\"NL2SQL_PROMPT\",\"priority\":1,\"rationale\":\"a\"}]}\n```");
    assertThat(a.fields()).containsExactly(ConfigField.NL2SQL_PROMPT, ConfigField.NL2SQL_EXAMPLES);
    assertThat(a.summary()).isEqualTo("s");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no changes array | {\"rationale\":\"r\"} | \"changes\" array",
      "unplanned field | {\"changes\":[{\"field\":\"tool_description\",\"text\":\"t\"}]} | was not asked for",
      "missing field | {\"changes\":[]} | lacks the new content of nl2sql_prompt",
      "empty text | {\"changes\":[{\"field\":\"nl2sql_prompt\",\"text\":\"\"}]} | complete new \"text\"",
      "field twice | {\"changes\":[{\"field\":\"nl2sql_prompt\",\"text\":\"a\"},{\"field\":\"nl2sql_prompt\",\"text\":\"b\"}]} | given twice"})
  void anInvalidImprovementSaysWhatIsWrong(String rule, String reply, String message) {
    assertThatThrownBy(() -> ImprovedFields.parse(reply, List.of(ConfigField.NL2SQL_PROMPT)))
        .isInstanceOf(InvalidReplyException.class).hasMessageContaining(message);
  }

  @Test
  void examplesMustBeObjectsWithQueryAndSql() {
    assertThatThrownBy(() -> ImprovedFields.parse("{\"changes\":[{\"field\":\"nl2sql_examples\",\"examples\":"
        + "[{\"query\":\"q\"}]}]}", List.of(ConfigField.NL2SQL_EXAMPLES)))
        .isInstanceOf(InvalidReplyException.class).hasMessageContaining("example 1 needs a query and an expected_sql");
  }

  @Test
  void examplesAndTablesBecomeTheirFieldText() throws Exception {
    ImprovedFields f = ImprovedFields.parse("{\"rationale\":\"r\",\"changes\":["
        + "{\"field\":\"nl2sql_examples\",\"examples\":[{\"query\":\"q\",\"expected_sql\":\"SELECT 1\"}]},"
        + "{\"field\":\"allowed_tables\",\"tables\":[\"orders\",\" customers \",\"\"]}]}",
        List.of(ConfigField.NL2SQL_EXAMPLES, ConfigField.ALLOWED_TABLES));
    assertThat(ConfigField.parseExamples(f.texts().get(ConfigField.NL2SQL_EXAMPLES)))
        .containsExactly(new NlExample("q", "SELECT 1", ""));
    assertThat(f.texts().get(ConfigField.ALLOWED_TABLES)).isEqualTo("orders\ncustomers");
    assertThat(f.rationale()).isEqualTo("r");
  }
}
