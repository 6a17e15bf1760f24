package dev.diaharness.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.core.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgeCacheTest {
  @TempDir Path dir;

  static String key(String... parts) {
    return JudgeCache.key(parts[0], parts[1], JudgeMode.valueOf(parts[2]), parts[3], parts[4], parts[5], parts[6]);
  }

  @Test
  void everyPartOfTheInputChangesTheKey() {
    String[] base = {"m", "v1", "FLEXIBLE", "q", "SELECT 1", "SELECT 2", "schema"};
    String baseKey = key(base);
    assertThat(baseKey).hasSize(64).isEqualTo(key(base.clone()));
    for (int i = 0; i < base.length; i++) {
      String[] changed = base.clone();
      changed[i] = i == 2 ? "BINARY" : base[i] + "x";
      assertThat(key(changed)).as("part " + i).isNotEqualTo(baseKey);
    }
    // parts are kept apart: moving text from one part to the next is another key
    assertThat(key("m", "v1", "FLEXIBLE", "qS", "ELECT 1", "SELECT 2", "schema"))
        .isNotEqualTo(key("m", "v1", "FLEXIBLE", "q", "SELECT 1", "SELECT 2", "schema"));
  }

  @Test
  void entriesAreOneJsonFilePerKeyAndADamagedEntryIsRecomputed() throws Exception {
    JudgeCache cache = JudgeCache.at(dir);
    String key = key("m", "v1", "FLEXIBLE", "q", "a", "b", "s");
    AtomicInteger computed = new AtomicInteger();
    JsonNode value = Json.MAPPER.createObjectNode().put("answer", 42);
    String first = cache.getOrCompute(key, stored -> Optional.of(stored.path("answer").asText()),
        () -> { computed.incrementAndGet(); return "42"; }, v -> Optional.of(value));
    assertThat(first).isEqualTo("42");
    Path file = dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    assertThat(Json.MAPPER.readTree(file.toFile()).path("value").path("answer").asInt()).isEqualTo(42);
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).toList()).containsExactly(file); // no temp files left
    }

    Files.writeString(file, "{\"value\": {\"ans");
    String again = cache.getOrCompute(key, stored -> Optional.of(stored.path("answer").asText()),
        () -> { computed.incrementAndGet(); return "42"; }, v -> Optional.of(value));
    assertThat(again).isEqualTo("42");
    assertThat(computed).hasValue(2);
    assertThat(cache.stats()).isEqualTo(new JudgeCache.Stats(0, 2, 0));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "XDG_CACHE_HOME={0}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "UNSET", value = {
      "/var/cache/me | /var/cache/me/dia-harness/judge",
      "UNSET         | /home/ada/.cache/dia-harness/judge",
      "''            | /home/ada/.cache/dia-harness/judge",
      "relative/dir  | /home/ada/.cache/dia-harness/judge"}) // the XDG spec: a relative path is ignored
  void theDefaultDirectoryFollowsXdgCacheHome(String xdg, String expected) {
    java.util.Map<String, String> env = xdg == null ? java.util.Map.of() : java.util.Map.of("XDG_CACHE_HOME", xdg);
    assertThat(JudgeCache.defaultDir(env, Path.of("/home/ada"))).isEqualTo(Path.of(expected));
  }

  @Test
  void failuresAreNotStored() {
    JudgeCache cache = JudgeCache.at(dir);
    AtomicInteger computed = new AtomicInteger();
    for (int i = 0; i < 2; i++) {
      cache.getOrCompute("ab" + "0".repeat(62), stored -> Optional.of("stored"),
          () -> "failed " + computed.incrementAndGet(), v -> Optional.empty());
    }
    assertThat(computed).hasValue(2);
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void placeholdersAreFilledInOnePass() {
    PromptTemplate prompt = JudgePrompt.of(JudgeMode.FLEXIBLE);
    String user = prompt.user(java.util.Map.of("question", "q {{expected_sql}}", "expected_sql", "E",
        "generated_sql", "G", "thoughts", "T", "response", "R", "schema_description", "S"));
    assertThat(user).contains("q {{expected_sql}}").contains("E").doesNotContain("{{question}}");
    assertThat(prompt.version()).isEqualTo("judge-flexible-v1");
    assertThat(JudgePrompt.of(JudgeMode.BINARY).version()).isEqualTo("judge-binary-v1");
    assertThat(List.of(prompt.schema().path("required").size())).containsExactly(9);
  }
}
