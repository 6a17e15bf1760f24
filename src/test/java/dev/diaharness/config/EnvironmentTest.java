package dev.diaharness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.core.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentTest {
  @TempDir Path dir;

  private Environment withDotEnv(String content, Map<String, String> real) throws IOException {
    Path file = dir.resolve(".env");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return Environment.of(real, file);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "A=plain                       | plain",
      "A = spaced                    | spaced",
      "export A=exported             | exported",
      "A=\"double quoted\"           | double quoted",
      "A='single quoted'             | single quoted",
      "A=value # a comment           | value",
      "A=\"has # inside\" # comment  | has # inside",
      "A='no ${B} interpolation'     | no ${B} interpolation",
      "A=${B}-suffix                 | from-b-suffix",
      "A=\"${B}\"                    | from-b",
      "A=${UNSET_X:-fallback}        | fallback",
      "A=a=b=c                       | a=b=c",
      "A=\"line\\nbreak\"            | `line\nbreak`",
      "A=url#fragment                | url#fragment",
  })
  void parsesEachLineForm(String line, String expected) throws IOException {
    Environment env = withDotEnv("B=from-b\n" + line + "\n", Map.of());
    assertThat(env.get("A")).contains(expected);
  }

  @Test
  void realEnvironmentWinsOverDotEnv() throws IOException {
    Environment env = withDotEnv("A=from-file\nB=only-in-file\n", Map.of("A", "from-env"));
    assertThat(env.get("A")).contains("from-env");
    assertThat(env.get("B")).contains("only-in-file");
    assertThat(env.get("C")).isEmpty();
  }

  @Test
  void blankValuesCountAsUnset() throws IOException {
    Environment env = withDotEnv("A=\nB=from-file\n", Map.of("B", "  ", "C", ""));
    assertThat(env.get("A")).isEmpty();
    assertThat(env.get("B")).contains("from-file");
    assertThat(env.get("C")).isEmpty();
  }

  @Test
  void commentsBlankLinesBomAndCrlfAreFine() throws IOException {
    Environment env = withDotEnv("\uFEFF# comment\r\n\r\nA=1\r\n  # indented comment\r\nB=2\r\n", Map.of());
    assertThat(env.get("A")).contains("1");
    assertThat(env.get("B")).contains("2");
    assertThat(env.dotEnvNames()).containsExactly("A", "B");
  }

  @Test
  void missingFileIsNoError() {
    Environment env = Environment.of(Map.of("A", "1"), dir.resolve("absent.env"));
    assertThat(env.dotEnvFile()).isEmpty();
    assertThat(env.get("A")).contains("1");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "JUST_A_WORD                 | line 2: expected KEY=VALUE",
      "A=\"not closed              | line 2: the double quote is not closed",
      "A='not closed               | line 2: the single quote is not closed",
      "1BAD=x                      | line 2: '1BAD' is not a variable name",
      "A=\"closed\" trailing       | line 2: unexpected text after the closing quote",
  })
  void badLineNamesTheFileAndLineButNotTheValue(String line, String message) throws IOException {
    assertThatThrownBy(() -> withDotEnv("OK=1\n" + line + "\n", Map.of()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(".env")
        .hasMessageContaining(message);
  }

  @Test
  void aBadLineIsNotEchoedBecauseItMayHoldASecret() {
    assertThatThrownBy(() -> withDotEnv("OAUTH_SECRET \"s3cr3t-value\n", Map.of()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("line 1")
        .hasMessageNotContaining("s3cr3t-value");
  }

  @Test
  void toStringShowsNamesNeverValues() throws IOException {
    Environment env = withDotEnv("OAUTH_SECRET=s3cr3t-value\n", Map.of());
    assertThat(env.toString()).contains("OAUTH_SECRET").doesNotContain("s3cr3t-value");
    assertThat(env.get("OAUTH_SECRET")).isEqualTo(Optional.of("s3cr3t-value"));
  }
}
