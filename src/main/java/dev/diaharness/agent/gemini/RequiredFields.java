package dev.diaharness.agent.gemini;

import dev.diaharness.core.InputException;

/**
 * The fields Google's discovery document marks Required, checked before any call: a blank one would be a 400
 * after the call (retried, then an error), so it is bad input named at once instead (exit 2). Stateless.
 */
final class RequiredFields {
  private RequiredFields() {}

  /**
   * @param method the API method that requires the field ({@code agents.create})
   * @param field  what the user sets: a config-file key or an environment variable
   * @throws InputException when {@code value} is blank
   */
  static void check(String method, String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InputException(field + " is empty, but " + method + " requires it");
    }
  }
}
