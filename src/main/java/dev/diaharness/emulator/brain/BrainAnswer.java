package dev.diaharness.emulator.brain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Brain} answered: the SQL it wrote (empty when it wrote none) and its reasoning, shown to the client
 * as thought fragments. Immutable.
 */
public record BrainAnswer(Optional<String> sql, String thoughts) {
  public BrainAnswer {
    Objects.requireNonNull(sql, "sql");
    thoughts = thoughts == null ? "" : thoughts;
  }

  public static BrainAnswer withSql(String sql, String thoughts) {
    return new BrainAnswer(Optional.of(sql), thoughts);
  }

  public static BrainAnswer noSql(String thoughts) {
    return new BrainAnswer(Optional.empty(), thoughts);
  }
}
