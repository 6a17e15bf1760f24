package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Re-opening a journal a kill left with a torn last line cuts that line, so appends start on a clean line. */
class JournalTornLineTest {
  @TempDir Path temp;

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = '|', value = {
      "''|''",
      "'{\"a\":1}\\n'|'{\"a\":1}\\n'",
      "'{\"a\":1}\\n{\"a\":2}\\n'|'{\"a\":1}\\n{\"a\":2}\\n'",
      "'{\"a\":1}\\n{\"a\":'|'{\"a\":1}\\n'",
      "'{\"a\":1}\\n{\"a\":2}'|'{\"a\":1}\\n'",
      "'{\"a'|''",
  })
  void aTornLastLineIsCutAndCompleteLinesStay(String before, String after) throws Exception {
    Path file = temp.resolve("journal.jsonl");
    Files.writeString(file, before.replace("\\n", "\n"), StandardCharsets.UTF_8);
    JournalWriter.dropTornLine(file);
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(after.replace("\\n", "\n"));
  }
}
