package dev.diaharness.bigquery;

import com.google.cloud.bigquery.BigQueryException;
import dev.diaharness.core.InputException;
import java.util.Locale;

/**
 * Turns BigQuery's 403 into one line naming the role that is missing: {@code roles/bigquery.jobUser} to run
 * queries (permission {@code bigquery.jobs.create}), {@code roles/bigquery.dataViewer} to read tables. The CLI
 * exits with 2 on it, as for any input the user must fix.
 */
public final class AccessDenied {
  private AccessDenied() {}

  /** Rethrows a 403 as an {@link InputException}; returns any other error for the caller to handle. */
  public static BigQueryException check(BigQueryException e, BigQuerySettings settings) {
    if (e.getCode() != 403 || "bytesBilledLimitExceeded".equals(e.getReason())) {
      return e;
    }
    throw new InputException(message(e.getMessage(), settings), e);
  }

  static String message(String serviceMessage, BigQuerySettings settings) {
    String text = serviceMessage == null ? "" : serviceMessage;
    String lower = text.toLowerCase(Locale.ROOT);
    String needed;
    if (lower.contains("jobs.create") || lower.contains("jobuser")) {
      needed = "roles/bigquery.jobUser on project " + settings.project() + " (to run queries)";
    } else if (lower.contains("getdata") || lower.contains("tables.get") || lower.contains("tables.list")
        || lower.contains("datasets.get") || lower.contains("dataviewer")) {
      needed = "roles/bigquery.dataViewer on dataset " + settings.project() + "." + settings.dataset()
          + " (to read tables)";
    } else {
      needed = "roles/bigquery.jobUser on project " + settings.project() + " and roles/bigquery.dataViewer on "
          + "dataset " + settings.project() + "." + settings.dataset();
    }
    String first = text.strip().lines().findFirst().orElse("access denied");
    return "BigQuery refused access (403): " + first + " — grant the caller " + needed;
  }
}
