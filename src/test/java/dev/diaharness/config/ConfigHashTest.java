package dev.diaharness.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigHashTest {
  private static final AgentConfig BASE = new AgentConfig("n", "D", "desc", "", "tool", "P", "S",
      List.of(new NlExample("q", "SELECT 1", "r")), "", List.of("t"), List.of(), "proj", "ds", Optional.empty());

  @Test
  void isPinnedSoEveryJvmAndReleaseAgrees() {
    // a literal: a change of the canonical form must be deliberate (bump CANONICAL_VERSION and this value)
    assertThat(ConfigHash.of(BASE))
        .isEqualTo("5bc4c08397f6c142bdeaa7df04c85b530f80f84442420a60fb47c60908a69f54");
  }

  @Test
  void equalConfigsHashEqualAndNameAndLocalDataDoNotCount() {
    AgentConfig copy = new AgentConfig("n", "D", "desc", "", "tool", "P", "S",
        List.of(new NlExample("q", "SELECT 1", "r")), "", List.of("t"), List.of(), "proj", "ds", Optional.empty());
    assertThat(ConfigHash.of(copy)).isEqualTo(ConfigHash.of(BASE));
    AgentConfig renamedAndMoved = new AgentConfig("other", "D", "desc", "", "tool", "P", "S",
        List.of(new NlExample("q", "SELECT 1", "r")), "", List.of("t"), List.of(), "proj", "ds",
        Optional.of(Path.of("/data")));
    assertThat(ConfigHash.of(renamedAndMoved)).isEqualTo(ConfigHash.of(BASE));
  }

  static Stream<Arguments> changes() {
    return Stream.of(
        Arguments.of("prompt", (UnaryOperator<AgentConfig>) c -> c.withNl2sqlPrompt("P2")),
        Arguments.of("schema", (UnaryOperator<AgentConfig>) c -> c.withSchemaDescription("S2")),
        Arguments.of("examples", (UnaryOperator<AgentConfig>) c -> c.withNl2sqlExamples(List.of())),
        Arguments.of("example order", (UnaryOperator<AgentConfig>) c -> c.withNl2sqlExamples(
            List.of(new NlExample("a", "b", ""), new NlExample("c", "d", "")))),
        Arguments.of("nl2py prompt", (UnaryOperator<AgentConfig>) c -> c.withNl2pyPrompt("py")),
        Arguments.of("tool description", (UnaryOperator<AgentConfig>) c -> c.withToolDescription("t2")),
        Arguments.of("allowed tables", (UnaryOperator<AgentConfig>) c -> c.withAllowedTables(List.of("u"))));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("changes")
  void everyFieldThatReachesTheAgentChangesTheHash(String field, UnaryOperator<AgentConfig> change) {
    assertThat(ConfigHash.of(change.apply(BASE))).as(field).isNotEqualTo(ConfigHash.of(BASE));
  }

  @Test
  void fieldBoundariesMatter() {
    AgentConfig a = BASE.withNl2sqlPrompt("ab").withSchemaDescription("c");
    AgentConfig b = BASE.withNl2sqlPrompt("a").withSchemaDescription("bc");
    assertThat(ConfigHash.of(a)).isNotEqualTo(ConfigHash.of(b));
  }
}
