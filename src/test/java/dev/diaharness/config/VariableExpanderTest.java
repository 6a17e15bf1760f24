package dev.diaharness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.config.VariableExpander.Unresolved;
import dev.diaharness.core.InputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariableExpanderTest {
  private static final Map<String, String> ENV = Map.of(
      "GOOGLE_CLOUD_PROJECT", "gcp-project", "BQ_DATASET_ID", "sales", "BQ_PROJECT_ID", "bq-project");

  private static AgentConfig config(String project, String dataset) {
    return new AgentConfig("n", null, null, null, null, "p", "s", List.of(), null, List.of(), List.of(),
        project, dataset, Optional.empty());
  }

  @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "plain-text                           | plain-text",
      "${BQ_DATASET_ID}                     | sales",
      "pre-${BQ_DATASET_ID}-post            | pre-sales-post",
      "${GOOGLE_CLOUD_PROJECT}.${BQ_DATASET_ID} | gcp-project.sales",
      "$BQ_DATASET_ID                       | $BQ_DATASET_ID",
      "cost $5                              | cost $5",
  })
  void expandsPlaceholders(String text, String expected) {
    assertThat(new VariableExpander(Environment.of(ENV)).expand("field", text)).isEqualTo(expected);
  }

  @Test
  void unsetVariableNamesTheFieldAndTheVariableAndIsNeverSentLiterally() {
    VariableExpander expander = new VariableExpander(Environment.of(Map.of()));
    assertThatThrownBy(() -> expander.bqDatasetId(config("p", "${MY_DATASET}")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bq_dataset_id")
        .hasMessageContaining("MY_DATASET");
  }

  @ParameterizedTest(name = "[{index}] project ''{0}'' with env {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "${GOOGLE_CLOUD_PROJECT} | GOOGLE_CLOUD_PROJECT=g                  | g",
      "''                      | BQ_PROJECT_ID=b,GOOGLE_CLOUD_PROJECT=g  | b",
      "''                      | GOOGLE_CLOUD_PROJECT=g                  | g",
      "${BQ_PROJECT_ID}        | GOOGLE_CLOUD_PROJECT=g                  | g",
      "${BQ_PROJECT_ID}        | BQ_PROJECT_ID=b,GOOGLE_CLOUD_PROJECT=g  | b",
      "literal-project         | ''                                      | literal-project",
  })
  void bqProjectFallsBackFromBqProjectIdToGoogleCloudProject(String raw, String env, String expected) {
    VariableExpander expander = new VariableExpander(Environment.of(parse(env)));
    assertThat(expander.bqProjectId(config(raw, "d"))).isEqualTo(expected);
  }

  @Test
  void emptyDatasetComesFromBqDatasetId() {
    assertThat(new VariableExpander(Environment.of(ENV)).bqDatasetId(config("p", ""))).isEqualTo("sales");
    assertThatThrownBy(() -> new VariableExpander(Environment.of(Map.of())).bqDatasetId(config("p", "")))
        .isInstanceOf(InputException.class).hasMessageContaining("bq_dataset_id").hasMessageContaining("BQ_DATASET_ID");
  }

  @Test
  void listsUnresolvedPlaceholdersForWarnings() {
    VariableExpander none = new VariableExpander(Environment.of(Map.of()));
    assertThat(none.unresolved(config("${GOOGLE_CLOUD_PROJECT}", "${BQ_DATASET_ID}"))).containsExactly(
        new Unresolved("bq_project_id", "GOOGLE_CLOUD_PROJECT"), new Unresolved("bq_dataset_id", "BQ_DATASET_ID"));
    assertThat(new VariableExpander(Environment.of(ENV)).unresolved(config("${GOOGLE_CLOUD_PROJECT}", "")))
        .isEmpty();
    assertThat(none.unresolved(config("fixed", "fixed"))).isEmpty();
  }

  private static Map<String, String> parse(String pairs) {
    Map<String, String> map = new java.util.HashMap<>();
    for (String pair : pairs.split(",")) {
      if (pair.contains("=")) {
        map.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    return map;
  }
}
