package dev.diaharness.bigquery;

import com.google.cloud.bigquery.TableId;
import java.util.List;

/**
 * What BigQuery's dry run said about a statement, without running it.
 *
 * @param statementType SELECT, INSERT, CREATE_TABLE, SCRIPT, … ("" when BigQuery did not say)
 * @param bytesProcessed the estimate of the bytes the query would read
 * @param tables the tables it reads
 */
public record DryRun(String statementType, long bytesProcessed, List<TableId> tables) {
  public DryRun {
    tables = List.copyOf(tables);
  }

  public boolean isSelect() {
    return statementType.equals("SELECT");
  }
}
