package dev.diaharness.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.sql.EmbeddedDatabase;
import dev.diaharness.sql.TableFolderLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query that returns no rows reads the same in the agent's answer as in the failed BigQuery job: BigQuery's
 * wording, whose prefixes {@code BigQueryExecution} maps back to the scoring outcomes.
 */
class QueryFailureTest {
  @TempDir Path folder;
  @AutoClose EmbeddedDatabase database;
  SqlSummary summary;

  @BeforeEach
  void load() throws Exception {
    Files.writeString(folder.resolve("orders.csv"), "id,status\n1,done\n2,open\n");
    database = new TableFolderLoader().load(folder);
    summary = new SqlSummary(Optional.of(database));
  }

  @Test
  void theAnswerGivesTheErrorAFailedJobWouldCarry() {
    assertThat(summary.summarize("SELEC oops")).startsWith("The query failed: Syntax error: ");
    assertThat(summary.summarize("SELECT * FROM ML.PREDICT(MODEL `m`, (SELECT 1))"))
        .startsWith("The query failed: " + QueryFailure.UNSUPPORTED + "ML.PREDICT (");
    assertThat(summary.summarize("DELETE FROM orders WHERE true")).startsWith("The query failed: Refused: ");
    assertThat(summary.summarize("SELECT nope FROM orders")).startsWith("The query failed: ")
        .contains("nope").doesNotContain("Syntax error", "Refused");
  }

  @Test
  void aQueryWithRowsIsSummarizedNotReportedAsAFailure() {
    assertThat(summary.summarize("SELECT COUNT(*) FROM orders")).isEqualTo("The query returned 1 row: 2.");
  }
}
