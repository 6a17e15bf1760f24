package dev.diaharness.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PoolNamesTest {
  @Test
  void aPoolNameRoundTripsToItsBaseAndIndex() {
    String name = PoolNames.of("Sales agent · EU", 3);
    assertEquals("Sales agent · EU · pool 3", name);
    assertTrue(PoolNames.isPoolAgent(name));
    assertEquals(Optional.of("Sales agent · EU"), PoolNames.baseOf(name));
    assertEquals(OptionalInt.of(3), PoolNames.index(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Sales agent", " · pool 2", "Sales · pool ", "Sales · pool x", "Sales · pool 02",
      "Sales · pool 2b", "Sales · pool 12345", "Sales - pool 2"})
  void otherNamesAreNoPoolAgents(String name) {
    assertFalse(PoolNames.isPoolAgent(name));
    assertEquals(Optional.empty(), PoolNames.baseOf(name));
  }

  @Test
  void poolIndicesStartAtOne() {
    assertThrows(IllegalArgumentException.class, () -> PoolNames.of("Sales", 0));
    assertFalse(PoolNames.isPoolAgent(null));
  }
}
