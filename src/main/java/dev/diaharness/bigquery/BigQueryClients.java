package dev.diaharness.bigquery;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import dev.diaharness.core.InputException;
import java.io.IOException;

/** Builds the official BigQuery client for some settings: ADC for Google, no credentials for a loopback emulator. */
public final class BigQueryClients {
  private BigQueryClients() {}

  /**
   * @throws InputException when Google is the target and no Application Default Credentials are found
   */
  public static BigQuery open(BigQuerySettings settings) {
    BigQueryOptions.Builder options = BigQueryOptions.newBuilder().setProjectId(settings.project());
    settings.endpoint().ifPresent(uri -> options.setHost(uri.toString().replaceAll("/+$", "")));
    if (settings.isLoopback()) {
      options.setCredentials(NoCredentials.getInstance());
    } else {
      options.setCredentials(applicationDefault());
    }
    return options.build().getService();
  }

  private static GoogleCredentials applicationDefault() {
    try {
      return GoogleCredentials.getApplicationDefault();
    } catch (IOException e) {
      throw new InputException("no Google Application Default Credentials found for BigQuery: run "
          + "'gcloud auth application-default login' or set GOOGLE_APPLICATION_CREDENTIALS to a service-account "
          + "key or workload identity federation file");
    }
  }
}
