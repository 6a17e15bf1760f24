package dev.diaharness.config;

import java.util.Objects;

/**
 * One few-shot example of an agent config: a question, the SQL that answers it and, optionally, the answer text.
 * In config files it is {@code {query, expected_sql, expected_response}} (camelCase accepted on input).
 */
public record NlExample(String query, String expectedSql, String expectedResponse) {
  public NlExample {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(expectedSql, "expected_sql");
    expectedResponse = expectedResponse == null ? "" : expectedResponse;
  }
}
