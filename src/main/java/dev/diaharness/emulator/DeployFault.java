package dev.diaharness.emulator;

import dev.diaharness.core.InputException;
import java.util.Locale;

/** What the emulator does to every deploy, for tests of the failure paths ({@code --deploy-fault}). */
public enum DeployFault {
  /** deploys succeed */
  NONE("none"),
  /** the agent ends in state DEPLOYMENT_FAILED with a {@code deploymentFailureReason}; the operation has an error */
  DEPLOYMENT_FAILED("failed"),
  /** the operation ends with {@code error {code, message, details}}; the agent stays CONFIGURED */
  OPERATION_ERROR("operation-error");

  private final String flagName;

  DeployFault(String flagName) {
    this.flagName = flagName;
  }

  public String flagName() {
    return flagName;
  }

  /** Parses {@code none}, {@code failed} or {@code operation-error}. */
  public static DeployFault parse(String flag, String value) {
    for (DeployFault f : values()) {
      if (f.flagName.equals(value.strip().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new InputException(flag + ": unknown deploy fault '" + value + "' (known: none, failed, operation-error)");
  }
}
