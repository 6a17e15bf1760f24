/**
 * BigQuery through Google's client library ({@code google-cloud-bigquery}): where the user's tables live.
 * {@code data pull} copies (a join-preserving sample of) a dataset to local Parquet; {@code --execute-on bigquery}
 * runs the expected and generated SQL on BigQuery itself, every query dry-run first (only a SELECT under
 * {@code --max-bytes-billed} runs), labelled with the run id, its bytes billed in the run's cost ledger and the
 * expected results cached across runs. {@code DIA_BIGQUERY_ENDPOINT} points the client at the emulator's BigQuery
 * face instead of Google.
 */
package dev.diaharness.bigquery;
