package dev.diaharness.agent;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the agents of an {@code optimize --agent-pool N} run are named: the run's agent keeps its display name, and its
 * N − 1 siblings that screen optimizer candidates are {@code "<display name> · pool k"} (k = 1 … N − 1). The name is
 * the only link between a run and its pool, so a later or resumed run finds the same agents and {@code agents prune}
 * finds them all.
 */
public final class PoolNames {
  /** What stands between the base display name and the pool index. */
  public static final String MARKER = " · pool ";

  private PoolNames() {}

  /** The display name of pool agent {@code index} (1-based) of the agent named {@code baseDisplayName}. */
  public static String of(String baseDisplayName, int index) {
    if (index < 1) {
      throw new IllegalArgumentException("pool agents are numbered from 1, got " + index);
    }
    return baseDisplayName + MARKER + index;
  }

  /** True when {@code displayName} names a pool agent of some agent. */
  public static boolean isPoolAgent(String displayName) {
    return index(displayName).isPresent();
  }

  /** The display name of the agent whose pool {@code displayName} belongs to; empty when it is no pool agent. */
  public static Optional<String> baseOf(String displayName) {
    return index(displayName).isPresent()
        ? Optional.of(displayName.substring(0, displayName.lastIndexOf(MARKER)))
        : Optional.empty();
  }

  /** The pool index in {@code displayName}; empty when it is no pool agent. */
  public static OptionalInt index(String displayName) {
    int at = displayName == null ? -1 : displayName.lastIndexOf(MARKER);
    if (at <= 0) {
      return OptionalInt.empty();
    }
    String digits = displayName.substring(at + MARKER.length());
    if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(Character::isDigit)
        || digits.startsWith("0")) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(digits));
  }
}
